package io.usher.identity.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers "is this session still usable?" for every authenticated request. Answers are cached for
 * {@code usher.identity.revocation-check-ttl} (500 ms by default) so a busy instance asks the database at
 * most twice a second per session; a revocation made here is seen at once, one made on another instance
 * within that window.
 */
@Component
class SessionRegistry {

    private final SessionStore sessions;
    private final Clock clock;
    private final Cache<UUID, Boolean> usable;

    SessionRegistry(SessionStore sessions, Clock clock, IdentityProperties properties) {
        this.sessions = sessions;
        this.clock = clock;
        this.usable = Caffeine.newBuilder()
                .ticker(() -> {
                    var now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .expireAfterWrite(properties.revocationCheckTtl())
                .maximumSize(100_000)
                .build();
    }

    boolean isUsable(UUID sessionId) {
        return usable.get(sessionId, id -> sessions.isUsable(id, clock.instant()));
    }

    void forget(UUID sessionId) {
        usable.invalidate(sessionId);
    }

    void forgetAll(Collection<UUID> sessionIds) {
        usable.invalidateAll(sessionIds);
    }
}
