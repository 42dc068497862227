package io.usher.payment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.usher.support.IntegrationTest;

/**
 * One application context for the tests that talk to a local HTTP stub (WireMock): Stripe is the checkout
 * gateway, its API is the stub; the test gateway runs too and delivers its webhooks to the stub. Time limits
 * are short, so a slow call costs a fraction of a second.
 */
abstract class GatewayStubTest extends IntegrationTest {

    static final String WEBHOOK_SECRET = "whsec_test_usher_endpoint_secret";
    static final WireMockServer stripe = new WireMockServer(options().dynamicPort());

    static {
        stripe.start();
    }

    @DynamicPropertySource
    static void stub(DynamicPropertyRegistry registry) {
        registry.add("usher.payment.gateway", () -> "stripe");
        registry.add("usher.payment.stripe.secret-key", () -> "sk_test_usher");
        registry.add("usher.payment.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("usher.payment.stripe.api-base", () -> "http://localhost:" + stripe.port());
        registry.add("usher.payment.resilience.timeout", () -> "1500ms");
        registry.add("usher.payment.resilience.slow-call-threshold", () -> "1500ms");
        registry.add("usher.payment.resilience.retry-backoff", () -> "10ms");
        registry.add("usher.payment.test-gateway.enabled", () -> "true");
        registry.add("usher.payment.test-gateway.webhook-url",
                () -> "http://localhost:" + stripe.port() + "/merchant/webhooks");
    }

    @BeforeEach
    void freshStub() {
        stripe.resetAll();
    }
}
