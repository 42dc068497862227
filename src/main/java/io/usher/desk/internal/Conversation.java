package io.usher.desk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.desk.CommentVisibility;
import io.usher.desk.DeskNotFound;
import io.usher.desk.EditWindowClosed;
import io.usher.desk.TicketActionRefused;
import io.usher.desk.TicketStatus;
import io.usher.identity.CurrentUser;

/**
 * A ticket's conversation: public replies and internal notes. Requesters write public replies only and never see
 * internal notes (nor the attachments those carry). The first public reply of an agent meets the first-response SLA
 * timer. The author may edit a comment within {@link #EDIT_WINDOW}; each edit keeps the replaced text.
 */
@Service
public class Conversation {

    static final String INVALID = "desk.invalid_comment";
    /** How long after writing a comment its author may still edit it. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(5);
    private static final int MAX_BODY = 20_000;
    private static final int MAX_ATTACHMENTS = 20;

    private final TicketAccess access;
    private final CommentStore comments;
    private final TicketStore tickets;
    private final TicketChanges changes;
    private final TicketSla sla;
    private final ConversationNotices notices;
    private final Clock clock;

    Conversation(TicketAccess access, CommentStore comments, TicketStore tickets, TicketChanges changes, TicketSla sla,
            ConversationNotices notices, Clock clock) {
        this.access = access;
        this.comments = comments;
        this.tickets = tickets;
        this.changes = changes;
        this.sla = sla;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Adds a comment. A requester's reply to a ticket {@code ON_HOLD} leaves the status as it is (an agent moves it
     * on) and is recorded as a change {@code requester_replied}, so the timeline and the agents' views show it.
     */
    @Transactional
    public CommentDetails post(CurrentUser caller, UUID ticketId, NewComment request) {
        var seen = access.lock(caller, ticketId);
        if (request == null) {
            throw new io.usher.desk.InvalidDeskInput(INVALID, "body", "must not be empty");
        }
        var problems = new FieldProblems(INVALID);
        var body = problems.text("body", request.body(), 1, MAX_BODY);
        CommentVisibility visibility = null;
        if (request.visibility() == null || request.visibility().isBlank()) {
            problems.add("visibility", "must be PUBLIC or INTERNAL");
        } else {
            try {
                visibility = CommentVisibility.valueOf(request.visibility().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("visibility", "must be PUBLIC or INTERNAL");
            }
        }
        var attachmentIds = request.attachmentIds() == null ? List.<UUID>of()
                : List.copyOf(new LinkedHashSet<>(request.attachmentIds()));
        if (attachmentIds.size() > MAX_ATTACHMENTS) {
            problems.add("attachmentIds", "at most " + MAX_ATTACHMENTS);
        }
        problems.throwIfAny();
        if (visibility == CommentVisibility.INTERNAL && !seen.agent()) {
            throw new TicketActionRefused("desk.requesters_write_public_only",
                    "Requesters write public replies; internal notes are for the agents of the queue.");
        }
        var ticket = seen.ticket();
        var now = now();
        var comment = new Comment(UUID.randomUUID(), ticket.id(), caller.id().value(), visibility, seen.agent(), body,
                now, null);
        comments.insert(comment);
        if (!attachmentIds.isEmpty()
                && comments.attachToComment(ticket.id(), comment.id(), caller.id().value(), attachmentIds)
                        != attachmentIds.size()) {
            throw new io.usher.desk.InvalidDeskInput(INVALID, "attachmentIds",
                    "must be your own uploads to this ticket that no other comment carries");
        }
        if (seen.agent() && visibility == CommentVisibility.PUBLIC) {
            var timers = sla.firstPublicReply(ticket.id(), seen.queue().calendarId(), now);
            tickets.dueTimes(ticket.id(), timers.firstResponse().due(), timers.resolution().due());
        }
        if (visibility == CommentVisibility.PUBLIC) {
            // a reply restarts the quiet time after which a resolved ticket closes by itself
            tickets.touch(ticket.id(), now);
        }
        if (!seen.agent() && ticket.status() == TicketStatus.ON_HOLD) {
            tickets.recordChange(ticket.id(), caller.id().value(), now, "requester_replied", ticket.status().name(),
                    comment.id().toString());
        }
        notices.posted(seen, comment, caller);
        return details(comment, comments.attachments(ticket.id()), seen, caller);
    }

    /** The comments the caller may read, oldest first. */
    @Transactional(readOnly = true)
    public List<CommentDetails> comments(CurrentUser caller, UUID ticketId) {
        var seen = access.read(caller, ticketId);
        var attachments = comments.attachments(ticketId);
        return comments.of(ticketId, seen.agent()).stream().map(c -> details(c, attachments, seen, caller)).toList();
    }

    /** Replaces the body of the caller's own comment, within the edit window; the old text is kept as a revision. */
    @Transactional
    public CommentDetails edit(CurrentUser caller, UUID ticketId, UUID commentId, String newBody) {
        var seen = access.read(caller, ticketId);
        var comment = visible(seen, comments.lock(ticketId, commentId).orElse(null));
        if (!comment.authorId().equals(caller.id().value())) {
            throw new TicketActionRefused("desk.not_the_author", "Only its author edits a comment.");
        }
        var now = now();
        if (now.isAfter(comment.createdAt().plus(EDIT_WINDOW))) {
            throw new EditWindowClosed(EDIT_WINDOW);
        }
        var problems = new FieldProblems(INVALID);
        var body = problems.text("body", newBody, 1, MAX_BODY);
        problems.throwIfAny();
        if (!body.equals(comment.body())) {
            comments.edit(comment, body, now);
        }
        var edited = comments.lock(ticketId, commentId).orElseThrow();
        if (!body.equals(comment.body())) {
            notices.edited(seen, comment.body(), edited, caller);
        }
        return details(edited, comments.attachments(ticketId), seen, caller);
    }

    /** The texts a comment had before its edits, oldest first. */
    @Transactional(readOnly = true)
    public List<CommentRevision> revisions(CurrentUser caller, UUID ticketId, UUID commentId) {
        var seen = access.read(caller, ticketId);
        var comment = visible(seen, comments.of(ticketId, seen.agent()).stream()
                .filter(c -> c.id().equals(commentId)).findFirst().orElse(null));
        return comments.revisions(comment.id());
    }

    /** The comments the caller may read and the ticket's field changes, in the order they happened. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(CurrentUser caller, UUID ticketId) {
        var entries = new ArrayList<TimelineEntry>();
        comments(caller, ticketId).forEach(c -> entries.add(new TimelineEntry.CommentEntry(c)));
        entries.addAll(changes.of(ticketId));
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    private static Comment visible(TicketAccess.Seen seen, Comment comment) {
        if (comment == null || comment.isInternal() && !seen.agent()) {
            throw new DeskNotFound("comment");
        }
        return comment;
    }

    private static CommentDetails details(Comment comment, List<TicketAttachment> all, TicketAccess.Seen seen,
            CurrentUser caller) {
        Map<UUID, List<TicketAttachment>> byComment = all.stream().filter(a -> a.commentId() != null)
                .filter(a -> TicketAttachments.visible(a, seen, caller))
                .collect(Collectors.groupingBy(TicketAttachment::commentId));
        return new CommentDetails(comment, byComment.getOrDefault(comment.id(), List.of()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
