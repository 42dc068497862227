package io.usher.order.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.common.EventId;
import io.usher.identity.CurrentUser;

/** How far the cancellation of an event's orders got, for its organizers. */
@Service
public class CancellationProgress {

    private final EventAccess access;
    private final CancellationStore store;

    CancellationProgress(EventAccess access, CancellationStore store) {
        this.access = access;
        this.store = store;
    }

    /**
     * @param total paid orders to cancel; {@code cancelled} of them are, {@code failing} wait for a refund retry
     * @param released orders waiting for payment that were failed and their tickets released
     * @param refundedMinor refunded so far, in minor units of the event's currency
     */
    public record Progress(String status, int total, int cancelled, int failing, int released, long refundedMinor,
            Instant startedAt, Instant updatedAt, Instant completedAt) {
    }

    /** @throws io.usher.order.EventNotFound not the caller's event */
    @Transactional(readOnly = true)
    public Optional<Progress> of(CurrentUser actor, EventId event) {
        access.managed(actor, event);
        return store.job(event).map(job -> new Progress(job.status(), job.total(), job.cancelled(), job.failing(),
                job.released(), job.refunded(), job.startedAt(), job.updatedAt(), job.completedAt()));
    }
}
