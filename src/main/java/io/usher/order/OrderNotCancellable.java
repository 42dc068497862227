package io.usher.order;

import java.util.Map;

import io.usher.common.UsherException;

/**
 * 422: this order cannot be cancelled by its buyer; {@code reason} says why: {@code status} (not paid, or already
 * refunded or cancelled) or {@code no_refunds} (the event's organizer offers none and it was not postponed).
 */
public class OrderNotCancellable extends UsherException {

    private final String reason;

    public OrderNotCancellable(String reason, String detail) {
        super(422, "order.not_cancellable", detail);
        this.reason = reason;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("reason", reason);
    }
}
