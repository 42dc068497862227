package io.usher.desk.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.usher.desk.DeskWatchedTicketReplied;
import io.usher.desk.TicketId;
import io.usher.identity.CurrentUser;
import io.usher.identity.UserDirectory;
import io.usher.identity.UserId;

/**
 * Tells a ticket's watchers about a public reply, as the requester is told: one event per watcher, for the
 * notification module to mail. Not the reply's author, not the requester (who has their own notice), and never for
 * an internal note.
 */
@Component
class WatcherNotices {

    private final RelationStore relations;
    private final UserDirectory people;
    private final ApplicationEventPublisher events;

    WatcherNotices(RelationStore relations, UserDirectory people, ApplicationEventPublisher events) {
        this.relations = relations;
        this.people = people;
        this.events = events;
    }

    void posted(Ticket ticket, Comment comment, CurrentUser author, String authorName, String excerpt) {
        if (comment.isInternal()) {
            return;
        }
        var watchers = relations.watchers(ticket.id()).stream().map(RelationStore.Watcher::userId)
                .filter(id -> !id.equals(author.id().value()) && !id.equals(ticket.requesterId()))
                .map(UserId::new).toList();
        for (var watcher : people.findAll(watchers)) {
            events.publishEvent(new DeskWatchedTicketReplied(new TicketId(ticket.id()), ticket.number(),
                    ticket.subject(), watcher.id(), watcher.email(), authorName, excerpt, comment.createdAt()));
        }
    }
}
