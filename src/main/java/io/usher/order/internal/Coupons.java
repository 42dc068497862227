package io.usher.order.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;

/** Organizers' coupons. */
@Service
public class Coupons {

    private final CouponStore store;
    private final EventAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    Coupons(CouponStore store, EventAccess access, AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The definition of a new coupon; its id and event are given by {@link #create}. */
    public record Definition(String code, Coupon.Kind kind, Integer percent, Long amountMinor, String currency,
            List<UUID> ticketTypes, Integer maxUses, java.time.Instant validFrom, java.time.Instant validUntil,
            Long minSubtotalMinor) {
    }

    @Transactional
    public Coupon create(CurrentUser actor, EventId event, Definition definition) {
        access.managed(actor, event);
        var coupon = new Coupon(UUID.randomUUID(), event, definition.code(), definition.kind(), definition.percent(),
                definition.amountMinor(),
                definition.currency() == null ? null : definition.currency().strip().toUpperCase(java.util.Locale.ROOT),
                definition.ticketTypes() == null ? List.of() : definition.ticketTypes(), definition.maxUses(), 0,
                definition.validFrom(), definition.validUntil(),
                definition.minSubtotalMinor() == null ? 0 : definition.minSubtotalMinor());
        store.insert(coupon, clock.instant());
        audit.record("ORDER_COUPON_CREATED", actor.id().value(), coupon.id().toString(),
                Map.of("event", event.toString(), "code", coupon.code()));
        return coupon;
    }

    @Transactional(readOnly = true)
    public List<Coupon> ofEvent(CurrentUser actor, EventId event) {
        access.managed(actor, event);
        return store.ofEvent(event);
    }
}
