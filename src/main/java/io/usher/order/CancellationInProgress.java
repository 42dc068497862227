package io.usher.order;

import io.usher.common.UsherException;

/** 409: this order's cancellation is being carried out right now (another request, or the event's job). */
public class CancellationInProgress extends UsherException {

    public CancellationInProgress() {
        super(409, "order.cancellation_in_progress", "This order is being cancelled right now. Check again shortly.");
    }
}
