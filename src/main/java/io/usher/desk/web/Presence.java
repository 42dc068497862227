package io.usher.desk.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who is writing on which ticket right now: the reply editor pings every few seconds while an agent types, and a
 * ping counts for {@link #TTL}. Held in memory on this instance only — presence is a hint, and losing it in a
 * restart costs a few seconds of it.
 */
@Component
class Presence {

    /** How long one ping says someone is writing. */
    static final Duration TTL = Duration.ofSeconds(8);

    private final Map<UUID, Map<UUID, Writer>> writers = new ConcurrentHashMap<>();
    private final Clock clock;

    Presence(Clock clock) {
        this.clock = clock;
    }

    /** Someone writing on a ticket, until when. */
    record Writer(UUID userId, String name, Instant until) {
    }

    Writer writing(UUID ticket, UUID user, String name) {
        var writer = new Writer(user, name, clock.instant().plus(TTL));
        writers.computeIfAbsent(ticket, key -> new ConcurrentHashMap<>()).put(user, writer);
        return writer;
    }

    /** Who is writing on the ticket now, except {@code reader}. */
    List<Writer> writing(UUID ticket, UUID reader) {
        var now = clock.instant();
        var on = writers.get(ticket);
        if (on == null) {
            return List.of();
        }
        return on.values().stream().filter(w -> w.until().isAfter(now) && !w.userId().equals(reader)).toList();
    }

    /** Forgets who stopped writing. */
    @Scheduled(fixedDelay = 30_000)
    void sweep() {
        var now = clock.instant();
        writers.forEach((ticket, on) -> {
            on.values().removeIf(w -> !w.until().isAfter(now));
            if (on.isEmpty()) {
                writers.remove(ticket, on);
            }
        });
    }
}
