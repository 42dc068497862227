package io.usher.notification.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.identity.UserId;

/** Each person's in-app inbox: the listeners add to it, people read theirs and mark entries read. */
@Service
public class Inbox {

    /** At most this many entries in one answer. */
    public static final int MAX_PAGE = 100;

    private final InboxStore store;
    private final Clock clock;

    Inbox(InboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The user's entries, newest first, and how many are unread. */
    public record Page(int unread, List<InAppNotification> items) {
    }

    /**
     * Adds an entry for the user, once per {@code sourceKey} (the event and recipient it came from, so a retried
     * listener does not add it twice).
     */
    @Transactional
    public void add(UserId user, String kind, String title, String body, String link, String sourceKey) {
        store.add(new InAppNotification(UUID.randomUUID(), user.value(), kind, title, body, link,
                clock.instant().truncatedTo(ChronoUnit.MICROS), null), sourceKey);
    }

    @Transactional(readOnly = true)
    public Page of(UserId user, boolean unreadOnly, int limit) {
        return new Page(store.unread(user.value()),
                store.of(user.value(), unreadOnly, Math.clamp(limit, 1, MAX_PAGE)));
    }

    @Transactional
    public void markRead(UserId user, UUID id) {
        if (!store.markRead(user.value(), id, clock.instant())) {
            throw new NotificationNotFound();
        }
    }

    @Transactional
    public int markAllRead(UserId user) {
        return store.markAllRead(user.value(), clock.instant());
    }
}
