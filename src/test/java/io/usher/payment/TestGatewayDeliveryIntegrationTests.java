package io.usher.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.common.Money;
import io.usher.payment.internal.PaymentGateway;
import io.usher.payment.internal.testgateway.TestCard;
import io.usher.payment.internal.testgateway.TestGatewaySecret;
import io.usher.payment.internal.testgateway.TestGatewaySessions;
import io.usher.payment.internal.testgateway.TestWebhookDelivery;
import io.usher.payment.internal.testgateway.WebhookSignature;

/** The test gateway's webhook outbox against a merchant endpoint (the stub) that fails before it acknowledges. */
class TestGatewayDeliveryIntegrationTests extends GatewayStubTest {

    @Autowired
    TestGatewaySessions sessions;

    @Autowired
    TestWebhookDelivery delivery;

    @Autowired
    TestGatewaySecret secret;

    @Autowired
    JdbcClient jdbc;

    @Test
    void retriesADeliveryWithBackoffUntilTheEndpointAcknowledgesIt() {
        stripe.stubFor(post(urlEqualTo("/merchant/webhooks")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(serverError()).willSetStateTo("failed once"));
        stripe.stubFor(post(urlEqualTo("/merchant/webhooks")).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(serverError()).willSetStateTo("failed twice"));
        stripe.stubFor(post(urlEqualTo("/merchant/webhooks")).inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(ok()));
        var session = sessions.create(new PaymentGateway.SessionRequest(UUID.randomUUID().toString(), "order-1",
                Money.of(1500, "EUR"), "Delivery test", "buyer@example.test", PaymentFixtures.RETURN_URL,
                PaymentFixtures.CANCEL_URL, "delivery-" + UUID.randomUUID()));

        sessions.pay(session.reference(), TestCard.SUCCEEDS);

        var outbox = "select attempts, delivered_at is not null as delivered, next_attempt_at, created_at "
                + "from payment_test_webhooks where payload like :session";
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(outbox)
                .param("session", "%" + session.reference() + "%")
                .query((rs, row) -> rs.getBoolean("delivered")).single());
        assertThat(jdbc.sql("select attempts from payment_test_webhooks where payload like :session")
                .param("session", "%" + session.reference() + "%").query(Integer.class).single()).isEqualTo(3);
        var requests = stripe.findAll(postRequestedFor(urlEqualTo("/merchant/webhooks")));
        assertThat(requests).hasSize(3).allSatisfy(request -> {
            assertThat(request.getBodyAsString()).contains(session.reference()).contains("\"payment.succeeded\"");
            WebhookSignature.verify(request.getHeader("Usher-Signature"), request.getBody(), secret.secret(),
                    clock.instant(), Duration.ofMinutes(5));
        });
        assertThat(requests.get(2).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime())
                .as("waited 1 s, then 2 s").isGreaterThanOrEqualTo(2_500);
        assertThat(delivery.deliverDue()).as("nothing acknowledged is sent again").isZero();
    }

    @Test
    void waitsLongerAfterEachFailureUpToTheLimit() {
        assertThat(delivery.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delivery.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delivery.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(delivery.backoff(40)).isEqualTo(Duration.ofHours(1));
    }
}
