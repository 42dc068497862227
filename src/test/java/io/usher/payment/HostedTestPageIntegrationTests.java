package io.usher.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.audit.AuditTrail;
import io.usher.payment.internal.testgateway.TestGatewaySecret;
import io.usher.payment.internal.testgateway.TestGatewaySessions;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;

/** The test gateway end to end: the hosted page, test cards, the signed webhook back to Usher over HTTP. */
class HostedTestPageIntegrationTests extends IntegrationTest {

    @Autowired
    Payments payments;

    @Autowired
    TestGatewaySessions sessions;

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

    @Test
    void showsTheAmountAndTheTestCardsOnTheHostedPage() {
        var checkout = fixtures.checkout(1234);

        var page = fixtures.open(checkout).shown();

        assertThat(checkout.redirectUrl().getPath()).startsWith("/pay/test/cs_test_");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Pay €12.34").contains("Two tickets for Harbour Hall")
                .contains("4242 4242 4242 4242").contains("4000 0000 0000 3220").contains("name=\"_csrf\"")
                .contains("autocomplete=\"cc-number\"").contains("<label for=\"cardNumber\">");
        assertThat(payments.get(checkout.payment()).status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void succeedsWithTheSucceedingCardOnlyOnceTheSignedWebhookArrived() {
        var checkout = fixtures.checkout(2500);

        var answer = fixtures.pay(checkout, "4242 4242 4242 4242");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.location()).isEqualTo(PaymentFixtures.RETURN_URL.toString());
        var paid = fixtures.awaitStatus(checkout.payment(), PaymentStatus.SUCCEEDED);
        assertThat(paid.gateway()).isEqualTo("test");
        assertThat(paid.gatewayReference()).startsWith("pi_test_");
        assertThat(paid.refundable().minor()).isEqualTo(2500);
        assertThat(audit.find("PAYMENT_SUCCEEDED", null, 0, 200)).filteredOn(e -> e.subject().equals(checkout.payment().toString()))
                .singleElement().satisfies(entry -> assertThat(entry.details()).containsEntry("gateway", "test"));
        assertThat(audit.find("PAYMENT_CHECKOUT_STARTED", null, 0, 200))
                .anyMatch(e -> e.subject().equals(checkout.payment().toString()));
    }

    @Test
    void chargesOnceWhenTheFormIsSubmittedTwice() {
        var checkout = fixtures.checkout(900);
        var page = fixtures.open(checkout);

        var first = page.pay("4242424242424242");
        var second = page.pay("4242424242424242");

        assertThat(first.status()).isEqualTo(303);
        assertThat(second.status()).isEqualTo(303);
        fixtures.awaitStatus(checkout.payment(), PaymentStatus.SUCCEEDED);
        assertThat(jdbc.sql("select count(*) from payment_test_webhooks where payload like :session")
                .param("session", "%" + page.sessionId() + "%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void failsTheCheckoutWhenTheCardIsDeclined() {
        var checkout = fixtures.checkout(1500);

        var answer = fixtures.pay(checkout, "4000 0000 0000 0002");

        assertThat(answer.status()).isEqualTo(402);
        assertThat(answer.body()).contains("Your card was declined").contains(PaymentFixtures.CANCEL_URL.toString());
        var failed = fixtures.awaitStatus(checkout.payment(), PaymentStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("card_declined");
        assertThat(failed.refundable().minor()).isZero();
    }

    @Test
    void failsTheCheckoutWhenFundsAreInsufficient() {
        var checkout = fixtures.checkout(1500);

        var answer = fixtures.pay(checkout, "4000000000009995");

        assertThat(answer.status()).isEqualTo(402);
        assertThat(answer.body()).contains("insufficient funds");
        assertThat(fixtures.awaitStatus(checkout.payment(), PaymentStatus.FAILED).failureReason())
                .isEqualTo("insufficient_funds");
    }

    @Test
    void succeedsWithTheSlowCardOnlyAfterTenSeconds() {
        var checkout = fixtures.checkout(4000);
        var page = fixtures.open(checkout);

        var answer = page.pay("4000 0000 0000 3220");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Your bank is confirming the payment").contains("hx-trigger=\"every 2s\"");
        clock.advance(Duration.ofSeconds(5));
        assertThat(sessions.confirmDue()).isZero();
        assertThat(sessions.find(page.sessionId()).orElseThrow().status())
                .isEqualTo(TestGatewaySessions.Session.Status.PROCESSING);
        assertThat(payments.get(checkout.payment()).status()).isEqualTo(PaymentStatus.PENDING);

        clock.advance(Duration.ofSeconds(5));
        sessions.confirmDue();

        assertThat(sessions.find(page.sessionId()).orElseThrow().status())
                .isEqualTo(TestGatewaySessions.Session.Status.SUCCEEDED);
        fixtures.awaitStatus(checkout.payment(), PaymentStatus.SUCCEEDED);
        assertThat(page.browser().get(page.path()).body()).contains("Paid with the card ending in <span>3220</span>");
    }

    @Test
    void refusesUnknownCardsExpiredCardsAndBadCodesWithoutChargingAnything() {
        var checkout = fixtures.checkout(700);
        var page = fixtures.open(checkout);

        var unknown = page.pay("5555 5555 5555 4444");
        var expired = page.browser().post(page.path(), Map.of("cardNumber", "4242424242424242", "expiry", "01/20", "cvc", "123"));
        var badCode = page.browser().post(page.path(), Map.of("cardNumber", "4242424242424242", "expiry", "12/39", "cvc", "12"));
        var empty = page.browser().post(page.path(), Map.of("cardNumber", "", "expiry", "", "cvc", ""));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("use one of the test cards").contains("aria-invalid=\"true\"");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).contains("The card has expired.");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.body()).contains("3 or 4 digit security code");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(sessions.find(page.sessionId()).orElseThrow().status()).isEqualTo(TestGatewaySessions.Session.Status.OPEN);
        assertThat(payments.get(checkout.payment()).status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void refusesAFormWithoutTheCsrfTokenAndUnknownSessions() {
        var checkout = fixtures.checkout(700);
        var page = fixtures.open(checkout);

        var forged = page.browser().postWithoutCsrf(page.path(),
                Map.of("cardNumber", "4242424242424242", "expiry", "12/39", "cvc", "123"));
        var unknown = new PageClient("http://localhost:" + port).get("/pay/test/cs_test_doesnotexist");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(sessions.find(page.sessionId()).orElseThrow().status()).isEqualTo(TestGatewaySessions.Session.Status.OPEN);
    }

    @Test
    void answersARepeatedCheckoutWithTheSameSessionAndRefusesAReusedKey() {
        var request = PaymentFixtures.request(PaymentFixtures.newBuyer(), 1000, PaymentFixtures.newIp());

        var first = payments.startCheckout(request);
        var again = payments.startCheckout(request);

        assertThat(again).isEqualTo(first);
        assertThat(payments.findByReference(request.reference())).map(Payment::id).contains(first.payment());
        var other = new PaymentRequest(request.reference(), io.usher.common.Money.of(1001, "EUR"), request.buyerEmail(),
                request.buyer(), request.clientIp(), request.description(), request.returnUrl(), request.cancelUrl(),
                request.idempotencyKey());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> payments.startCheckout(other))
                .isInstanceOfSatisfying(IdempotencyKeyReused.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("payment.idempotency_key_reused");
                });
    }
}
