package io.usher.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.audit.AuditTrail;
import io.usher.common.Money;
import io.usher.identity.Role;
import io.usher.payment.internal.testgateway.TestGatewaySecret;
import io.usher.support.Api;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** Refunds through the test gateway that took the payment, and the administrators' payment API. */
class RefundsIntegrationTests extends IntegrationTest {

    @Autowired
    Payments payments;

    @Autowired
    TestGatewaySecret secret;

    @Autowired
    AuditTrail audit;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    PaymentFixtures fixtures;
    Api admin;

    @BeforeEach
    void fixtures() {
        fixtures = new PaymentFixtures(payments, "http://localhost:" + port, secret.secret());
        admin = api.as(users.signedIn(api, "payment-admin", Role.ADMIN));
    }

    private Payment paid(long amount) {
        var checkout = fixtures.checkout(amount);
        fixtures.pay(checkout, "4242424242424242");
        return fixtures.awaitStatus(checkout.payment(), PaymentStatus.SUCCEEDED);
    }

    private Api.Response refund(Payment payment, long amount, String key) {
        return admin.with("Idempotency-Key", key).post("/api/v1/payments/" + payment.id() + "/refunds",
                Map.of("amountMinor", amount, "reason", "Buyer cancelled"));
    }

    @Test
    void refundsPartlyThenFullyAndRefusesMore() {
        var payment = paid(1000);

        var partial = refund(payment, 300, "r-1");
        var rest = refund(payment, 700, "r-2");
        var more = refund(payment, 1, "r-3");

        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.get("status")).isEqualTo("SUCCEEDED");
        assertThat(partial.get("gatewayReference")).startsWith("re_test_");
        assertThat(rest.status()).isEqualTo(201);
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.code()).isEqualTo("payment.refund_exceeds_payment");
        assertThat(more.json().get("refundableMinor").asLong()).isZero();
        var view = admin.get("/api/v1/payments/" + payment.id());
        assertThat(view.get("status")).isEqualTo("REFUNDED");
        assertThat(view.json().get("refundedMinor").asLong()).isEqualTo(1000);
        assertThat(view.json().get("refunds").size()).isEqualTo(2);
        assertThat(audit.find("PAYMENT_REFUNDED", null, 0, 200)).filteredOn(e -> e.subject().equals(payment.id().toString()))
                .hasSize(2);
    }

    @Test
    void countsARefundOnceWhenTheGatewaysWebhookFollows() {
        var payment = paid(1000);

        var refund = payments.refund(payment.id(), Money.of(400, "EUR"), "Seat moved", "once");

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from payment_gateway_events where payment_id = :id and type = 'refund.succeeded'
                """).param("id", payment.id().value()).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select outcome from payment_gateway_events where payment_id = :id and type = 'refund.succeeded'")
                .param("id", payment.id().value()).query(String.class).single()).isEqualTo("duplicate_refund");
        assertThat(payments.get(payment.id()).refunded().minor()).isEqualTo(400);
        assertThat(payments.refunds(payment.id())).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(refund.id());
            assertThat(r.gatewayReference()).isEqualTo(refund.gatewayReference());
        });
    }

    @Test
    void answersARepeatedRefundKeyWithTheSameRefund() {
        var payment = paid(1000);

        var first = refund(payment, 250, "same");
        var again = refund(payment, 250, "same");
        var other = refund(payment, 260, "same");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("payment.idempotency_key_reused");
        assertThat(payments.get(payment.id()).refunded().minor()).isEqualTo(250);
    }

    @Test
    void refusesToRefundWhatWasNeverCaptured() {
        var pending = payments.get(fixtures.checkout(1000).payment());

        var answer = refund(pending, 100, "early");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("payment.not_refundable");
        assertThatThrownBy(() -> payments.refund(pending.id(), Money.of(100, "EUR"), "x", "k"))
                .isInstanceOf(PaymentNotRefundable.class);
    }

    @Test
    void refusesInvalidRefunds() {
        var payment = paid(1000);

        assertThat(refund(payment, 0, "zero").code()).isEqualTo("request.validation_failed");
        assertThat(admin.post("/api/v1/payments/" + payment.id() + "/refunds", Map.of("amountMinor", 1, "reason", "x"))
                .code()).isEqualTo("request.missing_header");
        assertThatThrownBy(() -> payments.refund(payment.id(), Money.of(100, "USD"), "Wrong currency", "usd"))
                .isInstanceOfSatisfying(InvalidPaymentRequest.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(payments.get(payment.id()).refunded().minor()).isZero();
    }

    @Test
    void neverStoresMoreRefundedThanCaptured() {
        var payment = paid(1000);

        assertThatThrownBy(() -> jdbc.sql("update payment_payments set refunded_minor = 1001, status = 'REFUNDED' where id = :id")
                .param("id", payment.id().value()).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void showsPaymentsToAdministratorsOnly() {
        var payment = paid(1000);
        var customer = api.as(users.signedIn(api, "customer", Role.CUSTOMER));

        var shown = admin.get("/api/v1/payments/" + payment.id());

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.get("reference")).isEqualTo(payment.reference());
        assertThat(shown.get("gatewayReference")).startsWith("pi_test_");
        assertThat(customer.get("/api/v1/payments/" + payment.id()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/payments/" + payment.id()).status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/payments/" + UUID.randomUUID()).code()).isEqualTo("payment.not_found");
    }

    @Test
    void startsACheckoutForAnAdministratorAndVerifiesItServerSide() {
        var started = admin.with("Idempotency-Key", "admin-try-" + UUID.randomUUID()).post("/api/v1/payments",
                Map.of("reference", "try-2", "amountMinor", 100, "currency", "EUR", "description", "Gateway check",
                        "returnUrl", "https://shop.example.test/ok", "cancelUrl", "https://shop.example.test/no"));
        var id = PaymentId.of(started.get("paymentId"));
        var checkout = new Checkout(id, java.net.URI.create(started.get("redirectUrl")));

        var before = admin.post("/api/v1/payments/" + id + "/verify", Map.of());
        fixtures.pay(checkout, "4242424242424242");
        var paid = fixtures.awaitStatus(id, PaymentStatus.SUCCEEDED);
        var after = admin.post("/api/v1/payments/" + id + "/verify", Map.of());

        assertThat(started.status()).isEqualTo(201);
        assertThat(before.get("status")).isEqualTo("PENDING");
        assertThat(after.get("status")).isEqualTo("SUCCEEDED");
        assertThat(paid.reference()).isEqualTo("try-2");
        var invalid = admin.with("Idempotency-Key", "bad").post("/api/v1/payments", Map.of("reference", "x",
                "amountMinor", 100, "currency", "EUR", "description", "x", "returnUrl", "javascript:alert(1)",
                "cancelUrl", "https://shop.example.test/no"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("payment.invalid_request");
    }
}
