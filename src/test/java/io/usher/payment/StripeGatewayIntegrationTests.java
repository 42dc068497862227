package io.usher.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.stripe.Stripe;
import com.stripe.net.Webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.usher.common.Money;
import io.usher.identity.Role;
import io.usher.payment.internal.GatewayCalls;
import io.usher.support.Api;
import io.usher.support.Users;

/**
 * The Stripe adapter against a local HTTP stub that speaks Stripe's API (WireMock with Stripe's JSON), with
 * webhooks signed the way Stripe signs them; and the circuit breaker around it.
 */
class StripeGatewayIntegrationTests extends GatewayStubTest {

    @Autowired
    Payments payments;

    @Autowired
    GatewayCalls gateways;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @BeforeEach
    void closeTheBreaker() {
        gateways.breaker("stripe").reset();
    }

    @Test
    void letsCheckoutFormsLeadToStripesHostedPage() {
        var page = new io.usher.support.PageClient("http://localhost:" + port).get("/login");

        // without it, Chromium blocks the redirect that answers the checkout form
        assertThat(page.header("Content-Security-Policy"))
                .contains("form-action 'self' http://localhost:8080 https://checkout.stripe.com;");
    }

    @Test
    void opensACheckoutSessionWithTheIdempotencyKeyAndPaymentMetadata() {
        var session = stubSession();
        var request = PaymentFixtures.request(PaymentFixtures.newBuyer(), 2500, PaymentFixtures.newIp());

        var checkout = payments.startCheckout(request);

        assertThat(checkout.redirectUrl().toString()).isEqualTo("https://checkout.stripe.com/c/pay/" + session);
        var payment = payments.get(checkout.payment());
        assertThat(payment.gateway()).isEqualTo("stripe");
        assertThat(payment.gatewayReference()).isEqualTo(session);
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer sk_test_usher"))
                .withHeader("Idempotency-Key", equalTo("usher-checkout-" + checkout.payment()))
                .withFormParam("mode", equalTo("payment"))
                .withFormParam("client_reference_id", equalTo(checkout.payment().toString()))
                .withFormParam("metadata[usher_payment_id]", equalTo(checkout.payment().toString()))
                .withFormParam("payment_intent_data[metadata][usher_payment_id]", equalTo(checkout.payment().toString()))
                .withFormParam("line_items[0][price_data][unit_amount]", equalTo("2500"))
                .withFormParam("line_items[0][price_data][currency]", equalTo("eur"))
                .withFormParam("success_url", equalTo(PaymentFixtures.RETURN_URL.toString())));
    }

    @Test
    void verifiesAPaymentByRetrievingItsSessionServerSide() {
        var checkout = startCheckout(2500);
        var session = payments.get(checkout.payment()).gatewayReference();
        var intent = "pi_" + unique();
        stripe.stubFor(get(urlEqualTo("/v1/checkout/sessions/" + session))
                .willReturn(okJson(sessionJson(session, checkout.payment(), "complete", "paid", intent, 2500))));

        var verified = payments.verify(checkout.payment());

        assertThat(verified.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(verified.gatewayReference()).isEqualTo(intent);
        stripe.verify(getRequestedFor(urlEqualTo("/v1/checkout/sessions/" + session)));
    }

    @Test
    void appliesAStripeSignedWebhookAndRefusesForgedAndExpiredOnes() {
        var checkout = startCheckout(2500);
        var session = payments.get(checkout.payment()).gatewayReference();
        var payload = event("checkout.session.completed",
                sessionJson(session, checkout.payment(), "complete", "paid", "pi_" + unique(), 2500));

        var forged = postStripe(payload, signature(payload, "whsec_someone_else", clock.instant()));
        var expired = postStripe(payload, signature(payload, WEBHOOK_SECRET, clock.instant().minusSeconds(301)));
        var tampered = postStripe(payload.replace("2500", "1"), signature(payload, WEBHOOK_SECRET, clock.instant()));
        var good = postStripe(payload, signature(payload, WEBHOOK_SECRET, clock.instant()));
        var again = postStripe(payload, signature(payload, WEBHOOK_SECRET, clock.instant()));

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.code()).isEqualTo("payment.invalid_signature");
        assertThat(expired.code()).isEqualTo("payment.invalid_signature");
        assertThat(tampered.code()).isEqualTo("payment.invalid_signature");
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.get("outcome")).isEqualTo("captured");
        assertThat(again.get("outcome")).isEqualTo("duplicate");
        assertThat(payments.get(checkout.payment()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void refundsThroughStripeWithAnIdempotencyKeyAndCountsItsWebhookOnce() {
        var paid = paidCheckout(3000);
        var intent = payments.get(paid).gatewayReference();
        var refundReference = "re_" + unique();
        stripe.stubFor(post(urlEqualTo("/v1/refunds"))
                .willReturn(okJson(refundJson(refundReference, intent, 1200, "succeeded", null))));

        var refund = payments.refund(paid, Money.of(1200, "EUR"), "Buyer cancelled", "refund-1");

        assertThat(refund.status()).isEqualTo(Refund.Status.SUCCEEDED);
        assertThat(refund.gatewayReference()).isEqualTo(refundReference);
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("usher-refund-" + refund.id()))
                .withFormParam("payment_intent", equalTo(intent))
                .withFormParam("amount", equalTo("1200"))
                .withFormParam("metadata[usher_refund_id]", equalTo(refund.id().toString())));
        var webhook = event("refund.created", refundJson(refundReference, intent, 1200, "succeeded", refund.id().toString()));
        assertThat(postStripe(webhook, signature(webhook, WEBHOOK_SECRET, clock.instant())).get("outcome"))
                .isEqualTo("duplicate_refund");
        var payment = payments.get(paid);
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(payment.refunded().minor()).isEqualTo(1200);
    }

    @Test
    void failsARefundStripeRefusesAndFreesItsAmount() {
        var paid = paidCheckout(3000);
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"type": "invalid_request_error", "code": "charge_disputed",
                         "message": "This charge has been disputed and cannot be refunded."}}
                        """)));

        assertThatThrownBy(() -> payments.refund(paid, Money.of(3000, "EUR"), "Buyer cancelled", "refused"))
                .isInstanceOfSatisfying(GatewayRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("disputed");
                });

        assertThat(payments.refunds(paid)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(Refund.Status.FAILED));
        assertThat(payments.get(paid).refundable().minor()).isEqualTo(3000);
        assertThat(gateways.breaker("stripe").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void findsTheCheckoutOfARefundThatArrivesBeforeTheCapture() {
        var checkout = startCheckout(2000);
        var session = payments.get(checkout.payment()).gatewayReference();
        var intent = "pi_" + unique();
        stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions")).withQueryParam("payment_intent", equalTo(intent))
                .willReturn(okJson("""
                        {"object": "list", "url": "/v1/checkout/sessions", "has_more": false, "data": [%s]}
                        """.formatted(sessionJson(session, checkout.payment(), "complete", "paid", intent, 2000)))));
        var refund = event("refund.created", refundJson("re_" + unique(), intent, 2000, "succeeded", null));

        var answer = postStripe(refund, signature(refund, WEBHOOK_SECRET, clock.instant()));

        assertThat(answer.get("outcome")).isEqualTo("refund_recorded");
        var payment = payments.get(checkout.payment());
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.gatewayReference()).isEqualTo(intent);
    }

    @Test
    void countsADeclinedCardButKeepsTheCheckoutOpen() {
        var checkout = startCheckout(2000);
        var declined = event("payment_intent.payment_failed", """
                {"id": "pi_%s", "object": "payment_intent", "amount": 2000, "currency": "eur", "status": "requires_payment_method",
                 "metadata": {"usher_payment_id": "%s"},
                 "last_payment_error": {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
                                        "message": "Your card was declined."}}
                """.formatted(unique(), checkout.payment()));

        var answer = postStripe(declined, signature(declined, WEBHOOK_SECRET, clock.instant()));

        assertThat(answer.get("outcome")).isEqualTo("decline_recorded");
        assertThat(payments.get(checkout.payment()).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(jdbc.sql("select reason from payment_declines where payment_id = :id")
                .param("id", checkout.payment().value()).query(String.class).single()).isEqualTo("generic_decline");
    }

    @Test
    void opensTheCircuitAfterFiveFailuresAndThenAnswers503WithRetryAfterAtOnce() {
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(serverError()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong.\"}}")));
        var admin = api.as(users.signedIn(api, "payment-admin", Role.ADMIN));

        var first = startOverHttp(admin);
        var second = startOverHttp(admin);
        var third = startOverHttp(admin);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.code()).isEqualTo("payment.gateway_unavailable");
        assertThat(first.header("Retry-After")).isNotNull();
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(503);
        assertThat(third.header("Retry-After")).isEqualTo("30");
        assertThat(gateways.breaker("stripe").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        stripe.verify(5, postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
        assertThat(jdbc.sql("select count(*) from payment_payments where reference like 'breaker-%'").query(Integer.class)
                .single()).as("no half-made checkout is left behind").isZero();

        stripe.resetAll();
        var session = stubSession();
        gateways.breaker("stripe").transitionToHalfOpenState();
        var recovered = startOverHttp(admin);
        assertThat(recovered.status()).isEqualTo(201);
        assertThat(recovered.get("redirectUrl")).endsWith(session);
        assertThat(gateways.breaker("stripe").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void opensTheCircuitWhenCallsAreSlowerThanTheLimit() {
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .willReturn(okJson(sessionJson("cs_slow_" + unique(), PaymentId.random(), "open", "unpaid", null, 100))
                        .withFixedDelay(4000)));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> payments.startCheckout(PaymentFixtures.request(PaymentFixtures.newBuyer(), 100, null)))
                    .isInstanceOf(GatewayUnavailable.class);
        }

        assertThat(gateways.breaker("stripe").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> payments.startCheckout(PaymentFixtures.request(PaymentFixtures.newBuyer(), 100, null)))
                .isInstanceOfSatisfying(GatewayUnavailable.class, e -> assertThat(e.retryAfter()).hasSeconds(30));
        stripe.verify(5, postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
    }

    // --- helpers

    private Checkout startCheckout(long amount) {
        stubSession();
        return payments.startCheckout(PaymentFixtures.request(PaymentFixtures.newBuyer(), amount, PaymentFixtures.newIp()));
    }

    private PaymentId paidCheckout(long amount) {
        var checkout = startCheckout(amount);
        var session = payments.get(checkout.payment()).gatewayReference();
        var payload = event("checkout.session.completed",
                sessionJson(session, checkout.payment(), "complete", "paid", "pi_" + unique(), amount));
        assertThat(postStripe(payload, signature(payload, WEBHOOK_SECRET, clock.instant())).get("outcome")).isEqualTo("captured");
        return checkout.payment();
    }

    private Api.Response startOverHttp(Api admin) {
        return admin.with("Idempotency-Key", "breaker-" + unique()).post("/api/v1/payments", Map.of(
                "reference", "breaker-" + unique(), "amountMinor", 1000, "currency", "EUR", "description", "Breaker",
                "returnUrl", "https://shop.example.test/ok", "cancelUrl", "https://shop.example.test/no"));
    }

    /** Stubs session creation with a new session id and returns that id. */
    private static String stubSession() {
        var session = "cs_test_" + unique();
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .willReturn(okJson(sessionJson(session, PaymentId.random(), "open", "unpaid", null, 2500))));
        return session;
    }

    private Api.Response postStripe(String payload, String signature) {
        return api.with("Stripe-Signature", signature).postRaw("/api/v1/payments/webhooks/stripe", payload, "application/json");
    }

    /** Stripe's scheme: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload"> with the endpoint secret. */
    private static String signature(String payload, String secret, Instant at) {
        try {
            var timestamp = at.getEpochSecond();
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String event(String type, String object) {
        return """
                {"id": "evt_%s", "object": "event", "api_version": "%s", "created": %d, "livemode": false,
                 "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "%s",
                 "data": {"object": %s}}
                """.formatted(unique(), Stripe.API_VERSION, Instant.now().getEpochSecond(), type, object);
    }

    private static String sessionJson(String id, PaymentId payment, String status, String paymentStatus, String intent,
            long amount) {
        return """
                {"id": "%s", "object": "checkout.session", "amount_subtotal": %d, "amount_total": %d, "currency": "eur",
                 "cancel_url": "https://shop.example.test/orders/42", "success_url": "https://shop.example.test/orders/42/paid",
                 "client_reference_id": "%s", "customer_email": "buyer@example.test", "livemode": false,
                 "metadata": {"usher_payment_id": "%s"}, "mode": "payment", "payment_intent": %s,
                 "payment_status": "%s", "status": "%s", "url": %s}
                """.formatted(id, amount, amount, payment, payment, intent == null ? "null" : "\"" + intent + "\"",
                paymentStatus, status, "open".equals(status) ? "\"https://checkout.stripe.com/c/pay/" + id + "\"" : "null");
    }

    private static String refundJson(String id, String intent, long amount, String status, String refundId) {
        return """
                {"id": "%s", "object": "refund", "amount": %d, "currency": "eur", "payment_intent": "%s",
                 "charge": "ch_%s", "reason": "requested_by_customer", "status": "%s", "created": %d,
                 "metadata": %s}
                """.formatted(id, amount, intent, unique(), status, Instant.now().getEpochSecond(),
                refundId == null ? "{}" : "{\"usher_refund_id\": \"" + refundId + "\"}");
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
