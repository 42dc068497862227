package io.usher.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.audit.AuditTrail;
import io.usher.payment.internal.testgateway.TestGatewaySecret;
import io.usher.payment.internal.testgateway.WebhookSignature;
import io.usher.support.Api;
import io.usher.support.IntegrationTest;

/**
 * Usher's webhook endpoint for the test gateway, spoken to directly the way the gateway speaks: signed events,
 * repeated, out of order, forged.
 */
class PaymentWebhookIntegrationTests extends IntegrationTest {

    @Autowired
    Payments payments;

    @Autowired
    TestGatewaySecret secret;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    PaymentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PaymentFixtures(payments, "http://localhost:" + port, secret.secret());
    }

    /** A started checkout and the id of its gateway session. */
    private record Started(Checkout checkout, String session) {
    }

    private Started started(long amount) {
        var checkout = fixtures.checkout(amount);
        var path = checkout.redirectUrl().getPath();
        return new Started(checkout, path.substring(path.lastIndexOf('/') + 1));
    }

    private static String succeeded(Started started, long amount) {
        return PaymentFixtures.event("evt_test_" + UUID.randomUUID(), "payment.succeeded", PaymentFixtures.data(
                started.session(), "pi_test_" + UUID.randomUUID(), started.checkout().payment(), amount));
    }

    @Test
    void appliesAWebhookWithAGoodSignature() {
        var started = started(1000);

        var answer = fixtures.post(api, succeeded(started, 1000), clock.instant());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.get("outcome")).isEqualTo("captured");
        assertThat(payments.get(started.checkout().payment()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void refusesBadTamperedMissingAndExpiredSignatures() {
        var started = started(1000);
        var payload = succeeded(started, 1000);
        var bytes = payload.getBytes(StandardCharsets.UTF_8);

        var wrongSecret = PaymentFixtures.postSigned(api, payload,
                WebhookSignature.header("whsec_test_not_the_secret", clock.instant(), bytes));
        var tampered = PaymentFixtures.postSigned(api, payload.replace("1000", "1"),
                WebhookSignature.header(secret.secret(), clock.instant(), bytes));
        var missing = PaymentFixtures.postSigned(api, payload, null);
        var garbage = PaymentFixtures.postSigned(api, payload, "t=abc,v1=zz");
        var expired = fixtures.post(api, payload, clock.instant().minus(Duration.ofMinutes(6)));
        var fromTheFuture = fixtures.post(api, payload, clock.instant().plus(Duration.ofMinutes(6)));

        for (var refused : new Api.Response[] {wrongSecret, tampered, missing, garbage, expired, fromTheFuture}) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("payment.invalid_signature");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(expired.get("detail")).contains("tolerance");
        assertThat(payments.get(started.checkout().payment()).status()).isEqualTo(PaymentStatus.PENDING);
        var withinTolerance = fixtures.post(api, payload, clock.instant().minus(Duration.ofMinutes(4)));
        assertThat(withinTolerance.status()).isEqualTo(200);
    }

    @Test
    void refusesASignedBodyThatIsNotAnEventAndAnUnknownGateway() {
        var notJson = fixtures.post(api, "not json", clock.instant());
        var noType = fixtures.post(api, "{\"id\":\"evt_1\",\"data\":{}}", clock.instant());
        var unknownGateway = api.postRaw("/api/v1/payments/webhooks/paypal", "{}", "application/json");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("payment.invalid_webhook");
        assertThat(noType.code()).isEqualTo("payment.invalid_webhook");
        assertThat(unknownGateway.status()).isEqualTo(404);
        assertThat(unknownGateway.code()).isEqualTo("payment.unknown_gateway");
    }

    @Test
    void appliesTheSameEventSentAHundredTimesAtOnceExactlyOnce() throws Exception {
        var started = started(3000);
        var payload = succeeded(started, 3000);
        var ready = new CountDownLatch(1);
        var answers = new ArrayList<Future<Api.Response>>();

        try (var pool = Executors.newFixedThreadPool(100)) {
            for (int i = 0; i < 100; i++) {
                answers.add(pool.submit(() -> {
                    ready.await();
                    return fixtures.post(api, payload, clock.instant());
                }));
            }
            ready.countDown();
        }

        var outcomes = new ArrayList<String>();
        for (var answer : answers) {
            assertThat(answer.get().status()).isEqualTo(200);
            outcomes.add(answer.get().get("outcome"));
        }
        assertThat(outcomes).containsOnlyOnce("captured").filteredOn("duplicate"::equals).hasSize(99);
        var payment = started.checkout().payment().toString();
        assertThat(audit.find("PAYMENT_SUCCEEDED", null, 0, 200)).filteredOn(e -> e.subject().equals(payment)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from payment_gateway_events where payment_id = :id")
                .param("id", started.checkout().payment().value()).query(Integer.class).single()).isEqualTo(1);
        assertThat(payments.get(started.checkout().payment()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void neverDowngradesACapturedPaymentWhenAFailureArrivesLate() {
        var started = started(1000);
        var failedData = PaymentFixtures.data(started.session(), null, started.checkout().payment(), 1000);
        failedData.put("failure_code", "card_declined");
        failedData.put("declined", true);
        var failure = PaymentFixtures.event("evt_test_" + UUID.randomUUID(), "payment.failed", failedData);

        fixtures.post(api, succeeded(started, 1000), clock.instant());
        var late = fixtures.post(api, failure, clock.instant());

        assertThat(late.status()).isEqualTo(200);
        assertThat(late.get("outcome")).isEqualTo("already_captured");
        var payment = payments.get(started.checkout().payment());
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.failureReason()).isNull();
    }

    @Test
    void letsAVerifiedCaptureWinOverAnEarlierFailure() {
        var started = started(1000);
        var failedData = PaymentFixtures.data(started.session(), null, started.checkout().payment(), 1000);
        failedData.put("failure_code", "expired");
        var failure = PaymentFixtures.event("evt_test_" + UUID.randomUUID(), "payment.failed", failedData);

        assertThat(fixtures.post(api, failure, clock.instant()).get("outcome")).isEqualTo("failed");
        assertThat(fixtures.post(api, succeeded(started, 1000), clock.instant()).get("outcome")).isEqualTo("captured");

        assertThat(payments.get(started.checkout().payment()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void takesARefundReportedBeforeTheCaptureAsProofOfTheCapture() {
        var started = started(2000);
        var paymentReference = "pi_test_" + UUID.randomUUID();
        var refundData = PaymentFixtures.data(started.session(), paymentReference, started.checkout().payment(), 2000);
        refundData.put("refund", "re_test_" + UUID.randomUUID());
        refundData.put("refund_amount", 500);
        var refund = PaymentFixtures.event("evt_test_" + UUID.randomUUID(), "refund.succeeded", refundData);
        var capture = PaymentFixtures.event("evt_test_" + UUID.randomUUID(), "payment.succeeded", PaymentFixtures.data(
                started.session(), paymentReference, started.checkout().payment(), 2000));

        var first = fixtures.post(api, refund, clock.instant());
        var second = fixtures.post(api, capture, clock.instant());
        var repeated = fixtures.post(api, refund, clock.instant());

        assertThat(first.get("outcome")).isEqualTo("refund_recorded");
        assertThat(second.get("outcome")).isEqualTo("already_captured");
        assertThat(repeated.get("outcome")).isEqualTo("duplicate");
        var payment = payments.get(started.checkout().payment());
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(payment.refunded().minor()).isEqualTo(500);
        assertThat(payment.gatewayReference()).isEqualTo(paymentReference);
        assertThat(payments.refunds(started.checkout().payment())).singleElement()
                .satisfies(r -> assertThat(r.gatewayReference()).isEqualTo(refundData.get("refund")));
    }

    @Test
    void acknowledgesAnEventAboutAnUnknownPaymentAndChangesNothing() {
        var payload = PaymentFixtures.event("evt_test_" + UUID.randomUUID(), "payment.succeeded",
                PaymentFixtures.data("cs_test_unknown", "pi_test_unknown", null, 1000));

        var answer = fixtures.post(api, payload, clock.instant());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.get("outcome")).isEqualTo("unknown_payment");
    }

    @Test
    void leavesAPaymentWhoseCapturedAmountDiffersForReview() {
        var started = started(1000);

        var answer = fixtures.post(api, succeeded(started, 10), clock.instant());

        assertThat(answer.get("outcome")).isEqualTo("amount_mismatch");
        assertThat(payments.get(started.checkout().payment()).status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void documentsThePaymentEndpointsWithTheirErrorsAndExposesTheBreakerState() {
        var paths = api.get("/v3/api-docs").json().get("paths");

        var webhook = paths.get("/api/v1/payments/webhooks/{gateway}").get("post").get("responses");
        assertThat(webhook.get("400").get("description").asString()).contains("payment.invalid_signature");
        var checkout = paths.get("/api/v1/payments").get("post").get("responses");
        assertThat(checkout.get("503").get("description").asString()).contains("payment.gateway_unavailable");
        assertThat(checkout.get("422").get("description").asString()).contains("payment.blocked");
        assertThat(api.get("/actuator/prometheus").text())
                .contains("resilience4j_circuitbreaker_state{application=\"usher\",name=\"payment-gateway-test\"");
    }
}
