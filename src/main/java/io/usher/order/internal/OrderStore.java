package io.usher.order.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.common.EventId;
import io.usher.identity.UserId;
import io.usher.order.OrderId;
import io.usher.order.OrderStatus;

/** Orders, their lines and transitions in {@code order_*} tables. */
@Repository
class OrderStore {

    private static final String COLUMNS = """
            id, event_id, buyer_id, hold_id, buyer_name, buyer_email, status, currency, subtotal_minor,
            discount_minor, fees_minor, tax_minor, total_minor, refunded_minor, coupon_code, payment_id, expires_at, created_at
            """;

    private final JdbcClient jdbc;

    OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Order order, int taxRate, String idempotencyKey, UUID couponId, Instant now) {
        jdbc.sql("""
                insert into order_orders (id, event_id, buyer_id, hold_id, idempotency_key, buyer_name, buyer_email,
                    status, currency, subtotal_minor, discount_minor, fees_minor, tax_rate_bp, tax_minor, total_minor,
                    coupon_id, coupon_code, coupon_counted, expires_at, created_at, updated_at)
                values (:id, :event, :buyer, :hold, :key, :name, :email, :status, :currency, :subtotal, :discount,
                    :fees, :taxRate, :tax, :total, :coupon, :code, :counted, :expires, :now, :now)
                """)
                .param("id", order.id().value()).param("event", order.event().value())
                .param("buyer", order.buyer().value()).param("hold", order.holdId()).param("key", idempotencyKey)
                .param("name", order.buyerName()).param("email", order.buyerEmail())
                .param("status", order.status().name()).param("currency", order.currency())
                .param("subtotal", order.subtotal()).param("discount", order.discount())
                .param("fees", order.fees()).param("taxRate", taxRate).param("tax", order.tax())
                .param("total", order.total()).param("coupon", couponId).param("code", order.couponCode())
                .param("counted", couponId != null).param("expires", Timestamp.from(order.expiresAt()))
                .param("now", Timestamp.from(now)).update();
        var position = 0;
        for (var line : order.lines()) {
            jdbc.sql("""
                    insert into order_lines (order_id, position, ticket_type_id, ticket_type_name, seat_id, seat_label,
                        holder_name, unit_price_minor, fee_minor)
                    values (:order, :position, :type, :typeName, :seat, :seatLabel, :holder, :price, :fee)
                    """)
                    .param("order", order.id().value()).param("position", position++)
                    .param("type", line.ticketTypeId()).param("typeName", line.ticketTypeName())
                    .param("seat", line.seatId()).param("seatLabel", line.seatLabel())
                    .param("holder", line.holderName()).param("price", line.unitPrice()).param("fee", line.fee())
                    .update();
        }
    }

    Optional<Order> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from order_orders where id = :id").param("id", id)
                .query(OrderStore::order).optional().map(this::withLines);
    }

    Optional<Order> findByKey(UserId buyer, String key) {
        return jdbc.sql("select " + COLUMNS + " from order_orders where buyer_id = :buyer and idempotency_key = :key")
                .param("buyer", buyer.value()).param("key", key).query(OrderStore::order).optional()
                .map(this::withLines);
    }

    List<Order> ofBuyer(UserId buyer) {
        return jdbc.sql("select " + COLUMNS + " from order_orders where buyer_id = :buyer order by created_at desc, id")
                .param("buyer", buyer.value()).query(OrderStore::order).list().stream().map(this::withLines).toList();
    }

    /** Orders of an event, newest first; {@code text} matches the buyer's name or e-mail or the order id's start. */
    List<Order> ofEvent(EventId event, String text, OrderStatus status, int page, int size) {
        return jdbc.sql("select " + COLUMNS + """
                 from order_orders
                where event_id = :event
                  and (cast(:status as text) is null or status = cast(:status as text))
                  and (cast(:text as text) is null
                       or buyer_name ilike '%' || cast(:text as text) || '%'
                       or buyer_email ilike '%' || cast(:text as text) || '%'
                       or cast(id as text) like lower(cast(:text as text)) || '%')
                order by created_at desc, id
                limit :size offset :offset
                """)
                .param("event", event.value()).param("status", status == null ? null : status.name())
                .param("text", text == null ? null : text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .param("size", size).param("offset", page * size)
                .query(OrderStore::order).list().stream().map(this::withLines).toList();
    }

    /**
     * Moves an order from one of {@code from} to {@code to} and records why; false when it was not in one of them
     * (another instance or listener got there first).
     */
    boolean transition(OrderId id, List<OrderStatus> from, OrderStatus to, UUID actor, String reason, Instant now) {
        var previous = jdbc.sql("""
                update order_orders o set status = :to, updated_at = :now
                from (select id, status from order_orders where id = :id for update) before
                where o.id = before.id and before.status in (:from)
                returning before.status
                """)
                .param("id", id.value()).param("to", to.name()).param("now", Timestamp.from(now))
                .param("from", from.stream().map(Enum::name).toList()).query(String.class).optional();
        previous.ifPresent(status -> record(id, OrderStatus.valueOf(status), to, actor, reason, now));
        return previous.isPresent();
    }

    void record(OrderId id, OrderStatus from, OrderStatus to, UUID actor, String reason, Instant now) {
        jdbc.sql("""
                insert into order_transitions (order_id, from_status, to_status, actor_id, reason, at)
                values (:order, :from, :to, :actor, :reason, :at)
                """)
                .param("order", id.value()).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actor", actor).param("reason", reason).param("at", Timestamp.from(now)).update();
    }

    List<Order.Transition> transitions(OrderId id) {
        return jdbc.sql("""
                select from_status, to_status, actor_id, reason, at from order_transitions
                where order_id = :order order by id
                """)
                .param("order", id.value())
                .query((rs, row) -> new Order.Transition(
                        rs.getString(1) == null ? null : OrderStatus.valueOf(rs.getString(1)),
                        OrderStatus.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    void paymentStarted(OrderId id, UUID payment) {
        jdbc.sql("update order_orders set payment_id = :payment where id = :id")
                .param("payment", payment).param("id", id.value()).update();
    }

    void holdReplaced(OrderId id, UUID hold) {
        jdbc.sql("update order_orders set hold_id = :hold where id = :id").param("hold", hold).param("id", id.value())
                .update();
    }

    void refunded(OrderId id, long totalRefunded) {
        jdbc.sql("update order_orders set refunded_minor = greatest(refunded_minor, :amount) where id = :id")
                .param("amount", totalRefunded).param("id", id.value()).update();
    }

    /**
     * Gives the order's coupon use back, once: the flag is cleared in the same statement, so a second revert of
     * the same order finds nothing to give back.
     */
    void revertCouponUse(OrderId id) {
        jdbc.sql("""
                with reverted as (
                    update order_orders set coupon_counted = false
                    where id = :id and coupon_counted
                    returning coupon_id)
                update order_coupons c set uses = c.uses - 1 from reverted where c.id = reverted.coupon_id
                """).param("id", id.value()).update();
    }

    /**
     * Counts the order's coupon use again after it was given back (the order expired or failed, then its payment
     * arrived), if the coupon has a use left; false when it has none or nothing was to count. The coupon's row is
     * locked by the conditional update, so racing orders cannot take more uses than the coupon has.
     */
    boolean recountCouponUse(OrderId id) {
        var counted = jdbc.sql("""
                update order_coupons c set uses = c.uses + 1
                from order_orders o
                where o.id = :id and not o.coupon_counted and c.id = o.coupon_id
                  and (c.max_uses is null or c.uses < c.max_uses)
                """).param("id", id.value()).update() == 1;
        if (counted) {
            jdbc.sql("update order_orders set coupon_counted = true where id = :id").param("id", id.value()).update();
        }
        return counted;
    }

    /** Up to {@code limit} orders waiting for payment past their expiry, locked; others skip them. */
    List<OrderId> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                select id from order_orders where status = 'PENDING_PAYMENT' and expires_at <= :now
                order by expires_at limit :limit for update skip locked
                """)
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, row) -> new OrderId(rs.getObject(1, UUID.class))).list();
    }

    /** The event's paid (or partly refunded) orders, oldest first, without their lines. */
    List<Order> paidOf(EventId event) {
        return jdbc.sql("select " + COLUMNS + """
                 from order_orders where event_id = :event and status in ('PAID', 'PARTIALLY_REFUNDED')
                order by created_at, id
                """)
                .param("event", event.value()).query(OrderStore::order).list();
    }

    /** The event's orders waiting for payment, locked; others skip them. */
    List<Order> lockPending(EventId event) {
        return jdbc.sql("select " + COLUMNS + """
                 from order_orders where event_id = :event and status = 'PENDING_PAYMENT'
                order by created_at, id for update skip locked
                """)
                .param("event", event.value()).query(OrderStore::order).list();
    }

    private Order withLines(Order order) {
        return order.withLines(jdbc.sql("""
                select ticket_type_id, ticket_type_name, seat_id, seat_label, holder_name, unit_price_minor, fee_minor
                from order_lines where order_id = :id order by position
                """)
                .param("id", order.id().value())
                .query((rs, row) -> new Order.Line(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7)))
                .list());
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        return new Order(new OrderId(rs.getObject("id", UUID.class)), new EventId(rs.getObject("event_id", UUID.class)),
                new UserId(rs.getObject("buyer_id", UUID.class)), rs.getObject("hold_id", UUID.class),
                rs.getString("buyer_name"), rs.getString("buyer_email"), OrderStatus.valueOf(rs.getString("status")),
                rs.getString("currency").strip(), rs.getLong("subtotal_minor"), rs.getLong("discount_minor"),
                rs.getLong("fees_minor"), rs.getLong("tax_minor"),
                rs.getLong("total_minor"), rs.getLong("refunded_minor"), rs.getString("coupon_code"),
                rs.getObject("payment_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), List.of());
    }
}
