package io.usher.payment.internal.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import com.google.gson.JsonParseException;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;

import io.usher.common.Money;
import io.usher.payment.internal.GatewayEvent;
import io.usher.payment.internal.GatewayFailure;
import io.usher.payment.internal.GatewayRejection;
import io.usher.payment.internal.InvalidSignature;
import io.usher.payment.internal.InvalidWebhook;
import io.usher.payment.internal.PaymentGateway;
import io.usher.payment.internal.PaymentProperties;

/**
 * Stripe through {@code stripe-java}: a Checkout Session per payment (Usher's payment id in its metadata and
 * the PaymentIntent's, so every later event can name it), refunds of the PaymentIntent, and webhooks verified
 * with the endpoint secret ({@link Webhook#constructEvent}) on the injected clock. Every write carries an
 * idempotency key; the client's own retries are off because {@code GatewayCalls} retries.
 */
@Component
@ConditionalOnExpression("!'${usher.payment.stripe.secret-key:}'.isBlank()")
class StripeGateway implements PaymentGateway {

    static final String PAYMENT_ID = "usher_payment_id";
    static final String REFUND_ID = "usher_refund_id";

    private final StripeClient client;
    private final String webhookSecret;
    private final long toleranceSeconds;
    private final Clock clock;

    StripeGateway(PaymentProperties properties, Clock clock) {
        var stripe = properties.stripe();
        if (stripe.webhookSecret() == null || stripe.webhookSecret().isBlank()) {
            throw new IllegalStateException("Stripe needs its webhook endpoint secret: set USHER_STRIPE_WEBHOOK_SECRET");
        }
        var timeout = (int) properties.resilience().timeout().plusSeconds(1).toMillis();
        this.client = StripeClient.builder()
                .setApiKey(stripe.secretKey().strip())
                .setApiBase(stripe.apiBase().replaceAll("/+$", ""))
                .setMaxNetworkRetries(0)
                .setConnectTimeout(Math.min(timeout, 5_000))
                .setReadTimeout(timeout)
                .build();
        this.webhookSecret = stripe.webhookSecret().strip();
        this.toleranceSeconds = properties.webhookTolerance().toSeconds();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public String signatureHeader() {
        return "Stripe-Signature";
    }

    @Override
    public PaymentGateway.Session createSession(SessionRequest request) {
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(request.returnUrl().toString())
                .setCancelUrl(request.cancelUrl().toString())
                .setCustomerEmail(request.customerEmail())
                .setClientReferenceId(request.paymentId())
                .putMetadata(PAYMENT_ID, request.paymentId())
                .putMetadata("usher_reference", request.reference())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata(PAYMENT_ID, request.paymentId())
                        .setDescription(request.description())
                        .build())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                                .setUnitAmount(request.amount().minor())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description()).build())
                                .build())
                        .build())
                .build();
        var session = call(() -> client.v1().checkout().sessions().create(params, idempotent(request.idempotencyKey())));
        if (session.getUrl() == null) {
            throw new GatewayRejection("Stripe opened session " + session.getId() + " without a payment page URL.");
        }
        return new PaymentGateway.Session(session.getId(), java.net.URI.create(session.getUrl()));
    }

    @Override
    public SessionState retrieve(String sessionReference) {
        return state(call(() -> client.v1().checkout().sessions().retrieve(sessionReference)));
    }

    @Override
    public Optional<SessionState> findByPaymentReference(String paymentReference) {
        var sessions = call(() -> client.v1().checkout().sessions().list(SessionListParams.builder()
                .setPaymentIntent(paymentReference).setLimit(1L).build()));
        return sessions.getData().stream().findFirst().map(StripeGateway::state);
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        var params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentReference())
                .setAmount(request.amount().minor())
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata(REFUND_ID, request.refundId())
                .build();
        var refund = call(() -> client.v1().refunds().create(params, idempotent(request.idempotencyKey())));
        if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
            throw new GatewayRejection("refund " + refund.getId() + " " + refund.getStatus()
                    + (refund.getFailureReason() != null ? " (" + refund.getFailureReason() + ")" : ""));
        }
        return new RefundResult(refund.getId(), money(refund.getAmount(), refund.getCurrency()));
    }

    @Override
    public GatewayEvent verifyWebhook(byte[] payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidSignature("The webhook carries no Stripe-Signature header.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(new String(payload, StandardCharsets.UTF_8), signatureHeader, webhookSecret,
                    toleranceSeconds, clock);
        } catch (SignatureVerificationException e) {
            throw new InvalidSignature("The Stripe signature does not verify: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new InvalidWebhook("The webhook body is not a Stripe event.");
        }
        if (event.getId() == null || event.getType() == null) {
            throw new InvalidWebhook("The webhook body is not a Stripe event.");
        }
        try {
            return translate(event);
        } catch (EventDataObjectDeserializationException | JsonParseException | ClassCastException e) {
            throw new InvalidWebhook("The event's data object cannot be read as a " + event.getType() + ".");
        }
    }

    private static GatewayEvent translate(Event event) throws EventDataObjectDeserializationException {
        var id = event.getId();
        var type = event.getType();
        return switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
                var session = (com.stripe.model.checkout.Session) object(event);
                yield "paid".equals(session.getPaymentStatus())
                        ? new GatewayEvent.Captured(id, type, refs(session), money(session.getAmountTotal(), session.getCurrency()))
                        : new GatewayEvent.Other(id, type, refs(session));
            }
            case "checkout.session.async_payment_failed" ->
                    new GatewayEvent.Failed(id, type, refs((com.stripe.model.checkout.Session) object(event)), "async_payment_failed", false, true);
            case "checkout.session.expired" ->
                    new GatewayEvent.Failed(id, type, refs((com.stripe.model.checkout.Session) object(event)), "expired", false, true);
            case "payment_intent.payment_failed" -> {
                var intent = (PaymentIntent) object(event);
                var error = intent.getLastPaymentError();
                var reason = error == null ? "payment_failed"
                        : error.getDeclineCode() != null ? error.getDeclineCode()
                        : error.getCode() != null ? error.getCode() : "payment_failed";
                // Checkout keeps the session open after a declined card: the buyer may try another one.
                yield new GatewayEvent.Failed(id, type, new GatewayEvent.Refs(metadata(intent.getMetadata(), PAYMENT_ID),
                        null, null), reason, error != null && "card_error".equals(error.getType()), false);
            }
            case "refund.created", "refund.updated" -> {
                var refund = (Refund) object(event);
                var refs = new GatewayEvent.Refs(null, null, refund.getPaymentIntent());
                yield "succeeded".equals(refund.getStatus()) || "pending".equals(refund.getStatus())
                        ? new GatewayEvent.Refunded(id, type, refs, refund.getId(),
                                money(refund.getAmount(), refund.getCurrency()), metadata(refund.getMetadata(), REFUND_ID))
                        : new GatewayEvent.Other(id, type, refs);
            }
            default -> new GatewayEvent.Other(id, type, new GatewayEvent.Refs(null, null, null));
        };
    }

    /** The event's object, also when it was written for another API version than this library's. */
    private static StripeObject object(Event event) throws EventDataObjectDeserializationException {
        var deserializer = event.getDataObjectDeserializer();
        var object = deserializer.getObject();
        return object.isPresent() ? object.get() : deserializer.deserializeUnsafe();
    }

    private static GatewayEvent.Refs refs(com.stripe.model.checkout.Session session) {
        var paymentId = metadata(session.getMetadata(), PAYMENT_ID);
        return new GatewayEvent.Refs(paymentId != null ? paymentId : session.getClientReferenceId(), session.getId(),
                session.getPaymentIntent());
    }

    private static SessionState state(com.stripe.model.checkout.Session session) {
        var state = "paid".equals(session.getPaymentStatus()) || "no_payment_required".equals(session.getPaymentStatus())
                ? SessionState.State.PAID
                : "expired".equals(session.getStatus()) ? SessionState.State.FAILED : SessionState.State.OPEN;
        return new SessionState(session.getId(), state, session.getPaymentIntent(),
                session.getAmountTotal() == null ? null : money(session.getAmountTotal(), session.getCurrency()),
                state == SessionState.State.FAILED ? "expired" : null);
    }

    private static String metadata(Map<String, String> metadata, String key) {
        return metadata == null ? null : metadata.get(key);
    }

    private static Money money(Long amount, String currency) {
        return new Money(amount, Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    /** Stripe's failures as the port's: outages are worth retrying, refusals are not. */
    private static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException | RateLimitException | AuthenticationException e) {
            throw new GatewayFailure("Stripe: " + e.getMessage(), e);
        } catch (IdempotencyException e) {
            throw new GatewayRejection("the idempotency key was used with other parameters");
        } catch (StripeException e) {
            if (e.getStatusCode() == null || e.getStatusCode() >= 500) {
                throw new GatewayFailure("Stripe: " + e.getMessage(), e);
            }
            throw new GatewayRejection(e.getStripeError() != null && e.getStripeError().getMessage() != null
                    ? e.getStripeError().getMessage() : "request refused (" + e.getStatusCode() + ")");
        }
    }
}
