package io.usher.desk.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.usher.desk.DeskMentioned;
import io.usher.desk.DeskReplyPosted;
import io.usher.desk.DeskTicketUpdated;
import io.usher.desk.TicketId;
import io.usher.identity.CurrentUser;
import io.usher.identity.UserDirectory;
import io.usher.identity.UserId;

/**
 * Tells people about a new comment, through events the notification module mails: the requester about a public
 * agent reply (never about an internal note), agents and managers of the queue about {@code @mentions}.
 *
 * <p>A mention is {@code @} followed by the person's e-mail address ({@code @ana@example.com}): unambiguous where
 * display names are neither unique nor free of spaces. Only people of the ticket's queue are notified; other
 * addresses stay plain text.
 */
@Component
class ConversationNotices {

    static final Pattern MENTION = Pattern.compile(
            "(?<![\\w.%+-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
    private static final int EXCERPT = 500;

    private final UserDirectory people;
    private final ApplicationEventPublisher events;
    private final WatcherNotices watchers;

    ConversationNotices(UserDirectory people, ApplicationEventPublisher events, WatcherNotices watchers) {
        this.people = people;
        this.events = events;
        this.watchers = watchers;
    }

    void posted(TicketAccess.Seen seen, Comment comment, CurrentUser author) {
        var ticket = seen.ticket();
        updated(comment, author, comment.createdAt());
        var authorName = people.find(author.id()).map(UserDirectory.Profile::displayName).orElse(author.email());
        var excerpt = excerpt(comment.body());
        if (comment.byAgent() && !comment.isInternal() && !ticket.requesterId().equals(author.id().value())) {
            people.find(new UserId(ticket.requesterId())).ifPresent(requester -> events.publishEvent(
                    new DeskReplyPosted(new TicketId(ticket.id()), ticket.number(), ticket.subject(), requester.id(),
                            requester.email(), authorName, excerpt, comment.createdAt())));
        }
        watchers.posted(ticket, comment, author, authorName, excerpt);
        mentioned(seen, comment, mentions(comment.body()), author, authorName, comment.createdAt());
    }

    /**
     * Tells pages following the ticket that a comment changed (never its text: they fetch what they may see), and
     * the queue's staff whom the edit newly mentions; those mentioned before are not told again.
     */
    void edited(TicketAccess.Seen seen, String before, Comment comment, CurrentUser author) {
        updated(comment, author, comment.editedAt());
        var added = mentions(comment.body());
        added.removeAll(mentions(before));
        if (!added.isEmpty()) {
            var authorName = people.find(author.id()).map(UserDirectory.Profile::displayName).orElse(author.email());
            mentioned(seen, comment, added, author, authorName, comment.editedAt());
        }
    }

    /** Tells each of the queue's agents and managers whose e-mail address is in {@code mentioned}, but the author. */
    private void mentioned(TicketAccess.Seen seen, Comment comment, Set<String> mentioned, CurrentUser author,
            String authorName, Instant at) {
        if (mentioned.isEmpty()) {
            return;
        }
        var ticket = seen.ticket();
        var staff = new LinkedHashSet<UUID>(seen.queue().agents());
        staff.addAll(seen.queue().managers());
        for (var person : people.findAll(staff.stream().map(UserId::new).toList())) {
            if (mentioned.contains(person.email().toLowerCase(Locale.ROOT)) && !person.id().equals(author.id())) {
                events.publishEvent(new DeskMentioned(new TicketId(ticket.id()), ticket.number(), ticket.subject(),
                        person.id(), person.email(), authorName, comment.visibility(), excerpt(comment.body()), at));
            }
        }
    }

    private void updated(Comment comment, CurrentUser author, Instant at) {
        events.publishEvent(new DeskTicketUpdated(new TicketId(comment.ticketId()), author.id(),
                DeskTicketUpdated.Kind.COMMENT, comment.isInternal(), at));
    }

    /** The e-mail addresses mentioned in the text, lower-case. */
    static Set<String> mentions(String text) {
        return MENTION.matcher(text).results().map(match -> match.group(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String excerpt(String body) {
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT - 1) + "…";
    }
}
