package io.usher.order;

import java.time.Instant;
import java.util.Map;

import io.usher.common.UsherException;

/** 422: the event's refund policy allowed cancelling only until {@code deadline}. */
public class RefundWindowClosed extends UsherException {

    private final Instant deadline;

    public RefundWindowClosed(Instant deadline) {
        super(422, "order.refund_window_closed", "Refunds for this event ended at " + deadline + ".");
        this.deadline = deadline;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("deadline", deadline.toString());
    }
}
