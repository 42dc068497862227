package io.usher.platform.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits event publications whose listener failed (a mail server that was down, say) so that nothing
 * acknowledged is lost. Delivery is at least once: listeners must tolerate a repeat.
 */
@Component
class EventPublicationRetry {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationRetry.class);
    private static final Duration OLDER_THAN = Duration.ofMinutes(1);

    private final IncompleteEventPublications incomplete;

    EventPublicationRetry(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "${usher.events.retry-interval:60s}", initialDelayString = "${usher.events.retry-interval:60s}")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(OLDER_THAN);
        } catch (RuntimeException e) {
            log.warn("Could not resubmit incomplete event publications", e);
        }
    }
}
