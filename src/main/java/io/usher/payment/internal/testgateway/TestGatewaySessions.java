package io.usher.payment.internal.testgateway;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.common.Money;
import io.usher.payment.internal.ConditionalOnTestGateway;
import io.usher.payment.internal.GatewayRejection;
import io.usher.payment.internal.PaymentGateway;
import io.usher.payment.internal.PaymentProperties;
import io.usher.platform.web.WebProperties;

/**
 * The test gateway's own side, as a real gateway would keep it on its servers: checkout sessions that a buyer
 * pays on the hosted page with a test card, captured payments, refunds. Every change that a merchant must hear
 * about is written to the webhook outbox in the same transaction.
 */
@Service
@ConditionalOnTestGateway
public class TestGatewaySessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final JdbcClient jdbc;
    private final TestWebhookDelivery webhooks;
    private final Clock clock;
    private final Duration confirmationDelay;
    private final String baseUrl;

    TestGatewaySessions(JdbcClient jdbc, TestWebhookDelivery webhooks, Clock clock, PaymentProperties properties,
            WebProperties web) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.clock = clock;
        this.confirmationDelay = properties.testGateway().confirmationDelay();
        this.baseUrl = web.baseUrl().replaceAll("/+$", "");
    }

    /** A checkout session as the hosted page shows it. */
    public record Session(String id, Money amount, String description, String customerEmail, URI returnUrl,
            URI cancelUrl, Status status, String failureCode, String cardLast4) {

        public enum Status { OPEN, PROCESSING, SUCCEEDED, DECLINED }
    }

    /** Opens a session, once per idempotency key. */
    @Transactional
    public PaymentGateway.Session create(PaymentGateway.SessionRequest request) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into payment_test_sessions (id, idempotency_key, client_reference, amount_minor, currency, description,
                    customer_email, return_url, cancel_url, status, created_at, updated_at)
                values (:id, :key, :client, :amount, :currency, :description, :email, :returnUrl, :cancelUrl, 'OPEN', :now, :now)
                on conflict (idempotency_key) do nothing
                """)
                .param("id", "cs_test_" + random(24)).param("key", request.idempotencyKey())
                .param("client", request.paymentId()).param("amount", request.amount().minor())
                .param("currency", request.amount().currency().getCurrencyCode())
                .param("description", request.description()).param("email", request.customerEmail())
                .param("returnUrl", request.returnUrl().toString()).param("cancelUrl", request.cancelUrl().toString())
                .param("now", now).update();
        var id = jdbc.sql("select id from payment_test_sessions where idempotency_key = :key")
                .param("key", request.idempotencyKey()).query(String.class).single();
        return new PaymentGateway.Session(id, URI.create(baseUrl + "/pay/test/" + id));
    }

    @Transactional(readOnly = true)
    public Optional<Session> find(String id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
    }

    /**
     * Pays an open session with a test card: it succeeds, is declined, or (the slow card) starts processing and
     * succeeds after the confirmation delay. A session that is no longer open is answered as it stands, so a
     * double-submitted form charges once.
     */
    @Transactional
    public Session pay(String id, TestCard card) {
        var session = jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::map).optional()
                .orElseThrow(() -> new IllegalArgumentException("no such session"));
        if (session.status() != Session.Status.OPEN) {
            return session;
        }
        var now = clock.instant();
        var last4 = card.number().substring(12);
        switch (card) {
            case SUCCEEDS -> succeed(id, last4);
            case SUCCEEDS_AFTER_DELAY -> jdbc.sql("""
                    update payment_test_sessions set status = 'PROCESSING', card_last4 = :last4, confirm_at = :at,
                        updated_at = :now where id = :id
                    """)
                    .param("id", id).param("last4", last4).param("at", Timestamp.from(now.plus(confirmationDelay)))
                    .param("now", Timestamp.from(now)).update();
            case DECLINED, INSUFFICIENT_FUNDS -> {
                jdbc.sql("""
                        update payment_test_sessions set status = 'DECLINED', failure_code = :code, card_last4 = :last4,
                            updated_at = :now where id = :id
                        """)
                        .param("id", id).param("code", card.declineCode()).param("last4", last4)
                        .param("now", Timestamp.from(now)).update();
                var data = eventData(session, null);
                data.put("failure_code", card.declineCode());
                data.put("declined", true);
                webhooks.enqueue("payment.failed", data);
            }
        }
        return find(id).orElseThrow();
    }

    /** Confirms slow-card payments whose delay has passed (on the injected clock); returns how many. */
    @Transactional
    public int confirmDue() {
        var due = jdbc.sql("""
                select id from payment_test_sessions where status = 'PROCESSING' and confirm_at <= :now
                order by confirm_at limit 100 for update skip locked
                """)
                .param("now", Timestamp.from(clock.instant())).query(String.class).list();
        due.forEach(id -> succeed(id, null));
        return due.size();
    }

    private void succeed(String id, String last4) {
        jdbc.sql("""
                update payment_test_sessions set status = 'SUCCEEDED', payment_reference = :payment,
                    card_last4 = coalesce(:last4, card_last4), confirm_at = null, updated_at = :now
                where id = :id
                """)
                .param("id", id).param("payment", "pi_test_" + random(24)).param("last4", last4)
                .param("now", Timestamp.from(clock.instant())).update();
        var session = find(id).orElseThrow();
        webhooks.enqueue("payment.succeeded", eventData(session, paymentReference(id)));
    }

    @Transactional(readOnly = true)
    public PaymentGateway.SessionState retrieve(String id) {
        return state(id).orElseThrow(() -> new GatewayRejection("No such checkout session: " + id));
    }

    @Transactional(readOnly = true)
    public Optional<PaymentGateway.SessionState> findByPaymentReference(String paymentReference) {
        return jdbc.sql("select id from payment_test_sessions where payment_reference = :reference")
                .param("reference", paymentReference).query(String.class).optional().flatMap(this::state);
    }

    /** Refunds part or all of a captured payment, once per idempotency key. */
    @Transactional
    public PaymentGateway.RefundResult refund(PaymentGateway.RefundRequest request) {
        var existing = jdbc.sql("select id, amount_minor from payment_test_refunds where idempotency_key = :key")
                .param("key", request.idempotencyKey())
                .query((rs, row) -> new PaymentGateway.RefundResult(rs.getString("id"),
                        new Money(rs.getLong("amount_minor"), request.amount().currency())))
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var session = jdbc.sql(SELECT + " where payment_reference = :reference for update")
                .param("reference", request.paymentReference()).query(this::map).optional()
                .orElseThrow(() -> new GatewayRejection("No such payment: " + request.paymentReference()));
        if (session.status() != Session.Status.SUCCEEDED) {
            throw new GatewayRejection("The payment was not captured.");
        }
        if (!session.amount().currency().equals(request.amount().currency())) {
            throw new GatewayRejection("The refund's currency differs from the payment's.");
        }
        long refunded = jdbc.sql("select refunded_minor from payment_test_sessions where id = :id").param("id", session.id())
                .query(Long.class).single();
        if (refunded + request.amount().minor() > session.amount().minor()) {
            throw new GatewayRejection("The refund exceeds what is left of the payment.");
        }
        var refundId = "re_test_" + random(24);
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into payment_test_refunds (id, session_id, amount_minor, idempotency_key, client_refund, created_at)
                values (:id, :session, :amount, :key, :client, :now)
                """)
                .param("id", refundId).param("session", session.id()).param("amount", request.amount().minor())
                .param("key", request.idempotencyKey()).param("client", request.refundId()).param("now", now).update();
        jdbc.sql("update payment_test_sessions set refunded_minor = refunded_minor + :amount, updated_at = :now where id = :id")
                .param("id", session.id()).param("amount", request.amount().minor()).param("now", now).update();
        var data = eventData(session, request.paymentReference());
        data.put("refund", refundId);
        data.put("refund_amount", request.amount().minor());
        data.put("client_refund", request.refundId());
        webhooks.enqueue("refund.succeeded", data);
        return new PaymentGateway.RefundResult(refundId, request.amount());
    }

    private Optional<PaymentGateway.SessionState> state(String id) {
        return find(id).map(session -> new PaymentGateway.SessionState(session.id(), switch (session.status()) {
            case OPEN, PROCESSING -> PaymentGateway.SessionState.State.OPEN;
            case SUCCEEDED -> PaymentGateway.SessionState.State.PAID;
            case DECLINED -> PaymentGateway.SessionState.State.FAILED;
        }, paymentReference(id), session.amount(), session.failureCode()));
    }

    private String paymentReference(String id) {
        return jdbc.sql("select payment_reference from payment_test_sessions where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    private Map<String, Object> eventData(Session session, String paymentReference) {
        var data = new LinkedHashMap<String, Object>();
        data.put("session", session.id());
        data.put("payment", paymentReference);
        data.put("client_reference", clientReference(session.id()));
        data.put("amount", session.amount().minor());
        data.put("currency", session.amount().currency().getCurrencyCode());
        return data;
    }

    private String clientReference(String id) {
        return jdbc.sql("select client_reference from payment_test_sessions where id = :id").param("id", id)
                .query(String.class).single();
    }

    private static final String SELECT = """
            select id, amount_minor, currency, description, customer_email, return_url, cancel_url, status, failure_code,
                card_last4
            from payment_test_sessions
            """;

    private Session map(ResultSet rs, int row) throws SQLException {
        return new Session(rs.getString("id"),
                new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("description"), rs.getString("customer_email"), URI.create(rs.getString("return_url")),
                URI.create(rs.getString("cancel_url")), Session.Status.valueOf(rs.getString("status")),
                rs.getString("failure_code"), rs.getString("card_last4"));
    }

    static String random(int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
