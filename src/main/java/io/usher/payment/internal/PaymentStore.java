package io.usher.payment.internal;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.common.Money;
import io.usher.identity.UserId;
import io.usher.payment.Payment;
import io.usher.payment.PaymentId;
import io.usher.payment.PaymentStatus;
import io.usher.payment.Refund;
import io.usher.payment.RefundId;

/** The payment module's tables, in SQL. Callers bring the transaction. */
@Repository
public class PaymentStore {

    private static final String COLUMNS = """
            id, reference, buyer_id, buyer_email, client_ip, description, amount_minor, currency, refunded_minor,
            status, gateway, gateway_session, gateway_reference, redirect_url, return_url, cancel_url,
            idempotency_key, request_hash, failure_reason, created_at, updated_at
            """;

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A payment row with what only the module needs besides the API's view. */
    public record Row(UUID id, String reference, UserId buyer, String buyerEmail, String clientIp, String description,
            Money amount, long refundedMinor, PaymentStatus status, String gateway, String gatewaySession,
            String gatewayReference, URI redirectUrl, URI returnUrl, URI cancelUrl, String idempotencyKey,
            String requestHash, String failureReason, Instant createdAt, Instant updatedAt) {

        public Payment toPayment() {
            return new Payment(new PaymentId(id), reference, amount, new Money(refundedMinor, amount.currency()),
                    status, gateway, gatewayReference != null ? gatewayReference : gatewaySession, failureReason,
                    createdAt, updatedAt);
        }
    }

    /** Inserts a new pending payment unless its idempotency key exists; says whether it inserted. */
    boolean insertPending(Row row) {
        return jdbc.sql("""
                insert into payment_payments (id, reference, buyer_id, buyer_email, client_ip, description, amount_minor,
                    currency, status, gateway, return_url, cancel_url, idempotency_key, request_hash, created_at, updated_at)
                values (:id, :reference, :buyer, :email, :ip, :description, :amount, :currency, 'PENDING', :gateway,
                    :returnUrl, :cancelUrl, :key, :hash, :now, :now)
                on conflict (idempotency_key) do nothing
                """)
                .param("id", row.id()).param("reference", row.reference()).param("buyer", row.buyer().value())
                .param("email", row.buyerEmail()).param("ip", row.clientIp()).param("description", row.description())
                .param("amount", row.amount().minor()).param("currency", row.amount().currency().getCurrencyCode())
                .param("gateway", row.gateway()).param("returnUrl", row.returnUrl().toString())
                .param("cancelUrl", row.cancelUrl().toString()).param("key", row.idempotencyKey())
                .param("hash", row.requestHash()).param("now", Timestamp.from(row.createdAt()))
                .update() == 1;
    }

    /** Records the gateway's session, once. */
    boolean attachSession(UUID id, String session, URI redirectUrl, Instant now) {
        return jdbc.sql("""
                update payment_payments set gateway_session = :session, redirect_url = :url, updated_at = :now
                where id = :id and gateway_session is null
                """)
                .param("id", id).param("session", session).param("url", redirectUrl.toString())
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Forgets a payment whose checkout never opened (the gateway failed), so nothing is left half-made. */
    void deleteUnopened(UUID id) {
        jdbc.sql("delete from payment_payments where id = :id and gateway_session is null").param("id", id).update();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payment_payments where id = :id").param("id", id)
                .query(this::map).optional();
    }

    Optional<Row> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payment_payments where id = :id for update").param("id", id)
                .query(this::map).optional();
    }

    Optional<Row> findByKey(String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from payment_payments where idempotency_key = :key")
                .param("key", idempotencyKey).query(this::map).optional();
    }

    /** The most recent payment with this reference (a retried order has several). */
    public Optional<Row> findByReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from payment_payments where reference = :reference "
                        + "order by created_at desc, id limit 1")
                .param("reference", reference).query(this::map).optional();
    }

    Optional<UUID> idBySession(String gateway, String session) {
        return jdbc.sql("select id from payment_payments where gateway = :gateway and gateway_session = :session")
                .param("gateway", gateway).param("session", session).query(UUID.class).optional();
    }

    Optional<UUID> idByGatewayReference(String gateway, String reference) {
        return jdbc.sql("""
                select id from payment_payments where gateway = :gateway and gateway_reference = :reference
                order by created_at limit 1
                """)
                .param("gateway", gateway).param("reference", reference).query(UUID.class).optional();
    }

    boolean existsForGateway(UUID id, String gateway) {
        return jdbc.sql("select count(*) from payment_payments where id = :id and gateway = :gateway")
                .param("id", id).param("gateway", gateway).query(Integer.class).single() == 1;
    }

    void markSucceeded(UUID id, String gatewayReference, Instant now) {
        jdbc.sql("""
                update payment_payments set status = 'SUCCEEDED', gateway_reference = coalesce(:reference, gateway_reference),
                    failure_reason = null, succeeded_at = :now, updated_at = :now
                where id = :id
                """)
                .param("id", id).param("reference", gatewayReference).param("now", Timestamp.from(now)).update();
    }

    void markFailed(UUID id, String reason, Instant now) {
        jdbc.sql("""
                update payment_payments set status = 'FAILED', failure_reason = :reason, failed_at = :now, updated_at = :now
                where id = :id
                """)
                .param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update();
    }

    /** Adds a completed refund to the payment's total; the check constraint refuses more than was captured. */
    void addRefunded(UUID id, long amount, Instant now) {
        jdbc.sql("""
                update payment_payments set refunded_minor = refunded_minor + :amount,
                    status = case when refunded_minor + :amount >= amount_minor then 'REFUNDED' else 'PARTIALLY_REFUNDED' end,
                    updated_at = :now
                where id = :id
                """)
                .param("id", id).param("amount", amount).param("now", Timestamp.from(now)).update();
    }

    // --- refunds

    void insertRefund(UUID id, UUID payment, long amount, String reason, String idempotencyKey, UUID requestedBy,
            Instant now) {
        jdbc.sql("""
                insert into payment_refunds (id, payment_id, amount_minor, reason, status, idempotency_key, requested_by, created_at)
                values (:id, :payment, :amount, :reason, 'REQUESTED', :key, :by, :now)
                """)
                .param("id", id).param("payment", payment).param("amount", amount).param("reason", reason)
                .param("key", idempotencyKey).param("by", requestedBy).param("now", Timestamp.from(now)).update();
    }

    /** Records a refund the gateway reports that Usher did not ask for; false when it is known already. */
    boolean insertReportedRefund(UUID id, UUID payment, long amount, String gatewayReference, Instant now) {
        return jdbc.sql("""
                insert into payment_refunds (id, payment_id, amount_minor, reason, status, gateway_reference, created_at, completed_at)
                values (:id, :payment, :amount, 'reported by the gateway', 'SUCCEEDED', :reference, :now, :now)
                on conflict (payment_id, gateway_reference) do nothing
                """)
                .param("id", id).param("payment", payment).param("amount", amount).param("reference", gatewayReference)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Completes a requested refund, once. */
    boolean completeRefund(UUID id, String gatewayReference, Instant now) {
        return jdbc.sql("""
                update payment_refunds set status = 'SUCCEEDED', gateway_reference = :reference, completed_at = :now
                where id = :id and status = 'REQUESTED'
                """)
                .param("id", id).param("reference", gatewayReference).param("now", Timestamp.from(now)).update() == 1;
    }

    boolean failRefund(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                update payment_refunds set status = 'FAILED', failure_reason = :reason, completed_at = :now
                where id = :id and status = 'REQUESTED'
                """)
                .param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update() == 1;
    }

    Optional<Refund> findRefund(UUID id) {
        return jdbc.sql(REFUND_SELECT + " where r.id = :id").param("id", id).query(this::mapRefund).optional();
    }

    Optional<Refund> findRefundByKey(UUID payment, String idempotencyKey) {
        return jdbc.sql(REFUND_SELECT + " where r.payment_id = :payment and r.idempotency_key = :key")
                .param("payment", payment).param("key", idempotencyKey).query(this::mapRefund).optional();
    }

    boolean refundKnown(UUID payment, String gatewayReference) {
        return jdbc.sql("select count(*) from payment_refunds where payment_id = :payment and gateway_reference = :reference")
                .param("payment", payment).param("reference", gatewayReference).query(Integer.class).single() > 0;
    }

    /** What requested (not yet answered) refunds of a payment reserve. */
    long requestedRefunds(UUID payment) {
        return jdbc.sql("select coalesce(sum(amount_minor), 0) from payment_refunds where payment_id = :payment and status = 'REQUESTED'")
                .param("payment", payment).query(Long.class).single();
    }

    public List<Refund> refunds(UUID payment) {
        return jdbc.sql(REFUND_SELECT + " where r.payment_id = :payment order by r.created_at, r.id")
                .param("payment", payment).query(this::mapRefund).list();
    }

    // --- gateway events

    /** Claims a gateway event id for processing; false if it was seen before (a redelivery). */
    boolean claimEvent(String gateway, String eventId, String type, Instant now) {
        return jdbc.sql("""
                insert into payment_gateway_events (gateway, event_id, type, outcome, received_at)
                values (:gateway, :event, :type, 'received', :now)
                on conflict (gateway, event_id) do nothing
                """)
                .param("gateway", gateway).param("event", eventId).param("type", type).param("now", Timestamp.from(now))
                .update() == 1;
    }

    void eventOutcome(String gateway, String eventId, UUID payment, String outcome) {
        jdbc.sql("update payment_gateway_events set payment_id = :payment, outcome = :outcome where gateway = :gateway and event_id = :event")
                .param("gateway", gateway).param("event", eventId).param("payment", payment).param("outcome", outcome)
                .update();
    }

    private static final String REFUND_SELECT = """
            select r.id, r.payment_id, r.amount_minor, p.currency, r.reason, r.status, r.gateway_reference, r.created_at
            from payment_refunds r join payment_payments p on p.id = r.payment_id
            """;

    private Refund mapRefund(ResultSet rs, int row) throws SQLException {
        return new Refund(new RefundId(rs.getObject("id", UUID.class)), new PaymentId(rs.getObject("payment_id", UUID.class)),
                new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("reason"), Refund.Status.valueOf(rs.getString("status")), rs.getString("gateway_reference"),
                rs.getTimestamp("created_at").toInstant());
    }

    private Row map(ResultSet rs, int row) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        return new Row(rs.getObject("id", UUID.class), rs.getString("reference"),
                new UserId(rs.getObject("buyer_id", UUID.class)), rs.getString("buyer_email"), rs.getString("client_ip"),
                rs.getString("description"), new Money(rs.getLong("amount_minor"), currency), rs.getLong("refunded_minor"),
                PaymentStatus.valueOf(rs.getString("status")), rs.getString("gateway"), rs.getString("gateway_session"),
                rs.getString("gateway_reference"), uri(rs.getString("redirect_url")), uri(rs.getString("return_url")),
                uri(rs.getString("cancel_url")), rs.getString("idempotency_key"), rs.getString("request_hash"),
                rs.getString("failure_reason"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static URI uri(String value) {
        return value == null ? null : URI.create(value);
    }
}
