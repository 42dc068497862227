package io.usher.desk.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.desk.CommentVisibility;
import io.usher.desk.IllegalTransition;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.TicketAttachmentsFull;
import io.usher.desk.TicketConflict;
import io.usher.desk.TicketLinkType;
import io.usher.desk.TicketRelationRefused;
import io.usher.desk.TicketStatus;
import io.usher.identity.CurrentUser;

/**
 * Merges a duplicate into another ticket (agents of both queues): the duplicate's conversation — comments with their
 * revisions, and attachments — moves to the other ticket, which gets an internal note with the duplicate's
 * description; the duplicate is linked {@code DUPLICATE_OF} the other and closed through the status matrix. When the
 * two requesters differ, the moved replies become internal notes, so neither requester reads the other's
 * conversation. The duplicate's watchers who may see the other ticket (its requester, its queue's staff) watch it
 * from then on.
 */
@Service
public class TicketMerges {

    private static final int MAX_BODY = 20_000;

    private final TicketRelations relations;
    private final RelationStore store;
    private final CommentStore comments;
    private final TicketStore tickets;
    private final Tickets lifecycle;
    private final Clock clock;

    TicketMerges(TicketRelations relations, RelationStore store, CommentStore comments, TicketStore tickets,
            Tickets lifecycle, Clock clock) {
        this.relations = relations;
        this.store = store;
        this.comments = comments;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Answers the ticket merged into, as the caller now sees it. */
    @Transactional
    public TicketDetails merge(CurrentUser caller, UUID duplicateId, UUID intoId) {
        if (intoId == null) {
            throw new InvalidDeskInput("desk.invalid_merge", "into", "must not be null");
        }
        if (duplicateId.equals(intoId)) {
            lifecycle.get(caller, duplicateId);
            throw new TicketRelationRefused("desk.merge_into_itself", "A ticket is not merged into itself.");
        }
        var pair = relations.lockBoth(caller, duplicateId, intoId, "Only the agents of both tickets' queues merge them.");
        var duplicate = pair.first().ticket();
        var into = pair.second().ticket();
        if (into.status() == TicketStatus.CLOSED) {
            throw new TicketConflict("desk.merge_into_closed", "A ticket is not merged into a closed ticket; reopen "
                    + into.number() + " first or merge into another.");
        }
        if (!duplicate.status().canBecome(TicketStatus.CLOSED)) {
            throw new IllegalTransition(duplicate.status(), TicketStatus.CLOSED);
        }
        long bytes = comments.attachedBytes(duplicateId);
        long used = comments.attachedBytes(intoId);
        if (bytes + used > TicketAttachments.MAX_PER_TICKET) {
            throw new TicketAttachmentsFull(TicketAttachments.MAX_PER_TICKET, used);
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var actor = caller.id().value();
        boolean otherRequester = !duplicate.requesterId().equals(into.requesterId());
        store.moveComments(duplicateId, intoId, otherRequester);
        store.moveAttachments(duplicateId, intoId);
        for (var watcher : store.watchers(duplicateId)) {
            // those who may see the other ticket keep following the conversation there
            if (TicketRelations.maySee(pair.second(), watcher.userId())
                    && store.watch(intoId, watcher.userId(), actor, now)) {
                tickets.recordChange(intoId, actor, now, "watcher", null, watcher.userId().toString());
            }
        }
        var note = "Merged from " + duplicate.number() + " (" + duplicate.subject() + "):\n\n" + duplicate.description();
        if (note.length() > MAX_BODY) {
            note = note.substring(0, MAX_BODY - 1) + "…";
        }
        comments.insert(new Comment(UUID.randomUUID(), intoId, actor, CommentVisibility.INTERNAL, true, note, now,
                null));
        if (store.link(duplicateId, TicketLinkType.DUPLICATE_OF, intoId, actor, now)) {
            relations.recordLink(caller, pair, TicketLinkType.DUPLICATE_OF, true);
        }
        tickets.recordChange(duplicateId, actor, now, "merged_into", null, into.number());
        tickets.recordChange(intoId, actor, now, "merged_from", null, duplicate.number());
        tickets.touch(intoId, now);
        lifecycle.changeStatus(caller, duplicateId, TicketStatus.CLOSED, null);
        return lifecycle.get(caller, intoId);
    }
}
