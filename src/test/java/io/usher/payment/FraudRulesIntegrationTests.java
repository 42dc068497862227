package io.usher.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.audit.AuditTrail;
import io.usher.identity.Role;
import io.usher.payment.internal.testgateway.TestGatewaySecret;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/**
 * The fraud rules with their defaults: 10 checkouts per buyer and 30 per address in 10 minutes, at most
 * 1,000,000 minor units, 3 declined cards block the buyer for 30 minutes.
 */
@org.springframework.test.context.TestPropertySource(properties = "usher.payment.fraud.max-checkouts-per-ip=30")
class FraudRulesIntegrationTests extends IntegrationTest {

    @Autowired
    Payments payments;

    @Autowired
    TestGatewaySecret secret;

    @Autowired
    AuditTrail audit;

    @Autowired
    Users users;

    PaymentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PaymentFixtures(payments, "http://localhost:" + port, secret.secret());
    }

    @Test
    void limitsCheckoutsPerBuyerWithinTenMinutes() {
        var buyer = PaymentFixtures.newBuyer();
        for (int i = 0; i < 10; i++) {
            payments.startCheckout(PaymentFixtures.request(buyer, 1000, PaymentFixtures.newIp()));
        }

        var blocked = refusal(PaymentFixtures.request(buyer, 1000, PaymentFixtures.newIp()));

        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.code()).isEqualTo("payment.blocked");
        assertThat(blocked.properties()).containsEntry("rule", "buyer_rate");
        assertThat(Instant.parse((String) blocked.properties().get("blockedUntil"))).isAfter(clock.instant());
        assertThat(audit.find("PAYMENT_BLOCKED", buyer.value(), 0, 10)).singleElement()
                .satisfies(entry -> assertThat(entry.details()).containsEntry("rule", "buyer_rate"));
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(payments.startCheckout(PaymentFixtures.request(buyer, 1000, PaymentFixtures.newIp()))).isNotNull();
    }

    @Test
    void limitsCheckoutsPerClientAddressWithinTenMinutes() {
        var ip = PaymentFixtures.newIp();
        for (int i = 0; i < 30; i++) {
            payments.startCheckout(PaymentFixtures.request(PaymentFixtures.newBuyer(), 1000, ip));
        }

        var blocked = refusal(PaymentFixtures.request(PaymentFixtures.newBuyer(), 1000, ip));

        assertThat(blocked.properties()).containsEntry("rule", "ip_rate");
        assertThat(payments.startCheckout(PaymentFixtures.request(PaymentFixtures.newBuyer(), 1000,
                PaymentFixtures.newIp()))).isNotNull();
    }

    @Test
    void refusesATotalAboveTheLargestAccepted() {
        var buyer = PaymentFixtures.newBuyer();

        var blocked = refusal(PaymentFixtures.request(buyer, 1_000_001, PaymentFixtures.newIp()));

        assertThat(blocked.properties()).containsEntry("rule", "max_amount").doesNotContainKey("blockedUntil");
        assertThat(payments.startCheckout(PaymentFixtures.request(buyer, 1_000_000, PaymentFixtures.newIp()))).isNotNull();
    }

    @Test
    void blocksABuyerForThirtyMinutesAfterThreeDeclinedCards() {
        var buyer = PaymentFixtures.newBuyer();
        for (int i = 0; i < 3; i++) {
            var checkout = payments.startCheckout(PaymentFixtures.request(buyer, 1000, PaymentFixtures.newIp()));
            assertThat(fixtures.pay(checkout, "4000 0000 0000 0002").status()).isEqualTo(402);
            fixtures.awaitStatus(checkout.payment(), PaymentStatus.FAILED);
        }

        var blocked = refusal(PaymentFixtures.request(buyer, 1000, PaymentFixtures.newIp()));

        assertThat(blocked.properties()).containsEntry("rule", "declines");
        assertThat(Instant.parse((String) blocked.properties().get("blockedUntil")))
                .isBetween(clock.instant().plus(Duration.ofMinutes(29)), clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(audit.find("PAYMENT_BUYER_BLOCKED", null, 0, 50)).anyMatch(e -> e.subject().equals(buyer.toString()));
        clock.advance(Duration.ofMinutes(29));
        assertThat(refusal(PaymentFixtures.request(buyer, 1000, PaymentFixtures.newIp())).properties())
                .containsEntry("rule", "declines");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(payments.startCheckout(PaymentFixtures.request(buyer, 1000, PaymentFixtures.newIp()))).isNotNull();
    }

    @Test
    void countsARepeatedRequestOnce() {
        var buyer = PaymentFixtures.newBuyer();
        var request = PaymentFixtures.request(buyer, 1000, PaymentFixtures.newIp());
        for (int i = 0; i < 12; i++) {
            payments.startCheckout(request);
        }

        assertThat(payments.startCheckout(PaymentFixtures.request(buyer, 1000, PaymentFixtures.newIp()))).isNotNull();
    }

    @Test
    void answersABlockedCheckoutOverHttpWithTheRule() {
        var admin = api.as(users.signedIn(api, "payment-admin", Role.ADMIN));

        var answer = admin.with("Idempotency-Key", "too-much").post("/api/v1/payments", Map.of("reference", "try-1",
                "amountMinor", 1_000_001, "currency", "EUR", "description", "Too much",
                "returnUrl", "https://shop.example.test/ok", "cancelUrl", "https://shop.example.test/no"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("payment.blocked");
        assertThat(answer.get("rule")).isEqualTo("max_amount");
    }

    private PaymentBlocked refusal(PaymentRequest request) {
        try {
            payments.startCheckout(request);
        } catch (PaymentBlocked blocked) {
            return blocked;
        }
        throw new AssertionError("expected a fraud rule to refuse the checkout");
    }
}
