package io.usher.order.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.common.EventId;
import io.usher.order.CouponCodeTaken;

/** Coupons in {@code order_coupons}; the use counter only moves through conditional updates. */
@Repository
class CouponStore {

    private final JdbcClient jdbc;

    CouponStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Coupon coupon, Instant now) {
        try {
            jdbc.sql("""
                    insert into order_coupons (id, event_id, code, kind, percent, amount_minor, currency,
                        ticket_type_ids, max_uses, valid_from, valid_until, min_subtotal_minor, created_at)
                    values (:id, :event, :code, :kind, :percent, :amount, :currency, :types, :max, :from, :until,
                        :min, :now)
                    """)
                    .param("id", coupon.id()).param("event", coupon.event().value()).param("code", coupon.code())
                    .param("kind", coupon.kind().name()).param("percent", coupon.percent())
                    .param("amount", coupon.amountMinor()).param("currency", coupon.currency())
                    .param("types", coupon.ticketTypes().toArray(UUID[]::new)).param("max", coupon.maxUses())
                    .param("from", timestamp(coupon.validFrom())).param("until", timestamp(coupon.validUntil()))
                    .param("min", coupon.minSubtotalMinor()).param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new CouponCodeTaken();
        }
    }

    List<Coupon> ofEvent(EventId event) {
        return jdbc.sql("select * from order_coupons where event_id = :event order by created_at, id")
                .param("event", event.value()).query(CouponStore::coupon).list();
    }

    Optional<Coupon> find(EventId event, String code) {
        return jdbc.sql("select * from order_coupons where event_id = :event and lower(code) = lower(:code)")
                .param("event", event.value()).param("code", code.strip()).query(CouponStore::coupon).optional();
    }

    /** Counts one use if one is left; false when used up. Exact under concurrency: the row lock orders racers. */
    boolean claimUse(UUID coupon) {
        return jdbc.sql("""
                update order_coupons set uses = uses + 1
                where id = :id and (max_uses is null or uses < max_uses)
                """).param("id", coupon).update() == 1;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Coupon coupon(ResultSet rs, int row) throws SQLException {
        var types = (UUID[]) rs.getArray("ticket_type_ids").getArray();
        return new Coupon(rs.getObject("id", UUID.class), new EventId(rs.getObject("event_id", UUID.class)),
                rs.getString("code"), Coupon.Kind.valueOf(rs.getString("kind")), (Integer) rs.getObject("percent"),
                (Long) rs.getObject("amount_minor"), rs.getString("currency") == null ? null : rs.getString("currency").strip(),
                Arrays.asList(types), (Integer) rs.getObject("max_uses"), rs.getInt("uses"),
                instant(rs.getTimestamp("valid_from")), instant(rs.getTimestamp("valid_until")),
                rs.getLong("min_subtotal_minor"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
