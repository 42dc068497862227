package io.usher.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import io.usher.common.Money;
import io.usher.payment.internal.GatewayConfirmations;
import io.usher.payment.internal.testgateway.TestCard;
import io.usher.payment.internal.testgateway.TestGatewaySecret;
import io.usher.payment.internal.testgateway.TestGatewaySessions;
import io.usher.payment.internal.testgateway.WebhookSignature;

/**
 * Payment with only the modules it depends on (identity, audit, platform): what it tells the rest of the
 * system. The test gateway's webhooks are taken from its outbox and handed to the payment module as its
 * endpoint would, signed.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class PaymentModuleTests {

    @Autowired
    Payments payments;

    @Autowired
    GatewayConfirmations confirmations;

    @Autowired
    TestGatewaySessions sessions;

    @Autowired
    TestGatewaySecret secret;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void announcesACaptureOnceHoweverOftenItsWebhookArrives(AssertablePublishedEvents events) throws Exception {
        var checkout = payments.startCheckout(PaymentFixtures.request(PaymentFixtures.newBuyer(), 4200, "192.0.2.10"));
        var session = session(checkout);
        sessions.pay(session, TestCard.SUCCEEDS);
        var webhook = outbox(session, "payment.succeeded");
        var ready = new CountDownLatch(1);
        var receipts = new ArrayList<Future<GatewayConfirmations.Receipt>>();

        try (var pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 100; i++) {
                receipts.add(pool.submit(() -> {
                    ready.await();
                    return receive(webhook);
                }));
            }
            ready.countDown();
        }

        var outcomes = new ArrayList<String>();
        for (var receipt : receipts) {
            outcomes.add(receipt.get().outcome());
        }
        assertThat(outcomes).containsOnlyOnce("captured");
        assertThat(events.ofType(PaymentSucceeded.class).matching(e -> e.payment().equals(checkout.payment())))
                .singleElement().satisfies(succeeded -> {
                    assertThat(succeeded.amount()).isEqualTo(Money.of(4200, "EUR"));
                    assertThat(succeeded.gateway()).isEqualTo("test");
                    assertThat(succeeded.gatewayReference()).startsWith("pi_test_");
                });
    }

    @Test
    void announcesADeclinedCheckout(Scenario scenario) {
        var checkout = payments.startCheckout(PaymentFixtures.request(PaymentFixtures.newBuyer(), 1000, null));
        var session = session(checkout);
        sessions.pay(session, TestCard.DECLINED);
        var webhook = outbox(session, "payment.failed");

        scenario.stimulate(() -> receive(webhook))
                .andWaitForEventOfType(PaymentFailed.class)
                .matching(failed -> failed.payment().equals(checkout.payment()))
                .toArriveAndVerify(failed -> {
                    assertThat(failed.reason()).isEqualTo("card_declined");
                    assertThat(failed.reference()).isEqualTo(payments.get(checkout.payment()).reference());
                });
    }

    @Test
    void announcesEachRefundWithTheTotalSoFar(Scenario scenario) {
        var checkout = payments.startCheckout(PaymentFixtures.request(PaymentFixtures.newBuyer(), 5000, null));
        var session = session(checkout);
        sessions.pay(session, TestCard.SUCCEEDS);
        receive(outbox(session, "payment.succeeded"));
        payments.refund(checkout.payment(), Money.of(1000, "EUR"), "Seat swap", "first");

        scenario.stimulate(() -> payments.refund(checkout.payment(), Money.of(4000, "EUR"), "Cancelled", "second"))
                .andWaitForEventOfType(PaymentRefunded.class)
                .matching(refunded -> refunded.payment().equals(checkout.payment()) && refunded.amount().minor() == 4000)
                .toArriveAndVerify(refunded -> {
                    assertThat(refunded.totalRefunded()).isEqualTo(Money.of(5000, "EUR"));
                    assertThat(refunded.gatewayReference()).startsWith("re_test_");
                });
        assertThat(payments.get(checkout.payment()).status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void verifiesAPendingPaymentWithTheGatewayWhenItsWebhookIsLate(AssertablePublishedEvents events) {
        var checkout = payments.startCheckout(PaymentFixtures.request(PaymentFixtures.newBuyer(), 700, null));
        sessions.pay(session(checkout), TestCard.SUCCEEDS);

        var verified = payments.verify(checkout.payment());

        assertThat(verified.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(events.ofType(PaymentSucceeded.class).matching(e -> e.payment().equals(checkout.payment()))).hasSize(1);
        assertThat(payments.findByReference(verified.reference())).contains(verified);
    }

    private String session(Checkout checkout) {
        var path = checkout.redirectUrl().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private String outbox(String session, String type) {
        return jdbc.sql("select payload from payment_test_webhooks where payload like :session and payload like :type")
                .param("session", "%" + session + "%").param("type", "%\"" + type + "\"%").query(String.class).single();
    }

    private GatewayConfirmations.Receipt receive(String payload) {
        var bytes = payload.getBytes(StandardCharsets.UTF_8);
        var signature = WebhookSignature.header(secret.secret(), clock.instant(), bytes);
        return confirmations.receive("test", bytes, name -> "Usher-Signature".equals(name) ? signature : null);
    }
}
