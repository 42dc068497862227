package io.usher.payment.internal.testgateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.usher.common.Money;
import io.usher.payment.internal.ConditionalOnTestGateway;
import io.usher.payment.internal.GatewayEvent;
import io.usher.payment.internal.InvalidWebhook;
import io.usher.payment.internal.PaymentGateway;
import io.usher.payment.internal.PaymentProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter for the built-in test gateway. The gateway runs in-process ({@link TestGatewaySessions}), but
 * Usher hears about payments only the way it hears from a real gateway: through webhooks signed with the
 * endpoint secret, verified here against the injected clock.
 */
@Component
@ConditionalOnTestGateway
class TestGateway implements PaymentGateway {

    private final TestGatewaySessions sessions;
    private final TestGatewaySecret secret;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration tolerance;

    TestGateway(TestGatewaySessions sessions, TestGatewaySecret secret, JsonMapper json, Clock clock,
            PaymentProperties properties) {
        this.sessions = sessions;
        this.secret = secret;
        this.json = json;
        this.clock = clock;
        this.tolerance = properties.webhookTolerance();
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String signatureHeader() {
        return TestWebhookDelivery.SIGNATURE_HEADER;
    }

    @Override
    public Session createSession(SessionRequest request) {
        return sessions.create(request);
    }

    @Override
    public SessionState retrieve(String sessionReference) {
        return sessions.retrieve(sessionReference);
    }

    @Override
    public Optional<SessionState> findByPaymentReference(String paymentReference) {
        return sessions.findByPaymentReference(paymentReference);
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        return sessions.refund(request);
    }

    @Override
    public GatewayEvent verifyWebhook(byte[] payload, String signatureHeader) {
        WebhookSignature.verify(signatureHeader, payload, secret.secret(), clock.instant(), tolerance);
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException e) {
            throw new InvalidWebhook("The webhook body is not JSON.");
        }
        var id = text(event, "id");
        var type = text(event, "type");
        var data = event.get("data");
        if (id == null || type == null || data == null || !data.isObject()) {
            throw new InvalidWebhook("The webhook needs id, type and data.");
        }
        var refs = new GatewayEvent.Refs(text(data, "client_reference"), text(data, "session"), text(data, "payment"));
        try {
            return switch (type) {
                case "payment.succeeded" -> new GatewayEvent.Captured(id, type, refs, money(data, "amount"));
                case "payment.failed" -> new GatewayEvent.Failed(id, type, refs, text(data, "failure_code"),
                        data.path("declined").asBoolean(false), true);
                case "refund.succeeded" -> new GatewayEvent.Refunded(id, type, refs, text(data, "refund"),
                        money(data, "refund_amount"), text(data, "client_refund"));
                default -> new GatewayEvent.Other(id, type, refs);
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidWebhook("The webhook's data is incomplete: " + type + " needs an amount and currency.");
        }
    }

    private static Money money(JsonNode data, String field) {
        var amount = data.get(field);
        if (amount == null || !amount.isIntegralNumber()) {
            throw new IllegalArgumentException(field);
        }
        return new Money(amount.asLong(), Currency.getInstance(text(data, "currency")));
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
