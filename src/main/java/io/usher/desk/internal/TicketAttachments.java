package io.usher.desk.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.attachment.AttachmentId;
import io.usher.attachment.Attachments;
import io.usher.desk.DeskNotFound;
import io.usher.desk.TicketAttachmentsFull;
import io.usher.identity.CurrentUser;

/**
 * Files on tickets, stored by the attachment module. A ticket's files total at most {@link #MAX_PER_TICKET} bytes.
 * Agents of the queue see every file; the requester sees the files they uploaded and those carried by public
 * replies — an agent's upload is not theirs to see until a public reply carries it, and never when an internal note
 * does. Anyone who may not see a file is told it does not exist.
 */
@Service
public class TicketAttachments {

    /** At most 50 MB of attachments per ticket. */
    public static final long MAX_PER_TICKET = 50L * 1024 * 1024;

    private final TicketAccess access;
    private final CommentStore comments;
    private final Attachments attachments;
    private final Clock clock;

    TicketAttachments(TicketAccess access, CommentStore comments, Attachments attachments, Clock clock) {
        this.access = access;
        this.comments = comments;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** A file to download: what it is, and its bytes (the caller closes the stream). */
    public record Download(TicketAttachment attachment, InputStream content) {
    }

    /**
     * Stores a file on the ticket. The ticket's row lock serializes uploads, so concurrent ones cannot together pass
     * the per-ticket total.
     *
     * @param size the size the upload declares; checked again on the bytes by the attachment module
     */
    @Transactional
    public TicketAttachment upload(CurrentUser caller, UUID ticketId, InputStream content, String name, long size) {
        var seen = access.lock(caller, ticketId);
        long used = comments.attachedBytes(ticketId);
        if (used + Math.max(size, 0) > MAX_PER_TICKET) {
            throw new TicketAttachmentsFull(MAX_PER_TICKET, used);
        }
        var stored = attachments.store(content, name, caller.id());
        if (used + stored.size() > MAX_PER_TICKET) {
            throw new TicketAttachmentsFull(MAX_PER_TICKET, used);
        }
        var attachment = new TicketAttachment(stored.id().value(), seen.ticket().id(), null, null,
                caller.id().value(), stored.name(), stored.contentType(), stored.size(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        comments.insertAttachment(attachment);
        return attachment;
    }

    /** The ticket's files the caller may see. */
    @Transactional(readOnly = true)
    public List<TicketAttachment> list(CurrentUser caller, UUID ticketId) {
        var seen = access.read(caller, ticketId);
        return comments.attachments(ticketId).stream().filter(a -> visible(a, seen, caller)).toList();
    }

    @Transactional(readOnly = true)
    public Download download(CurrentUser caller, UUID ticketId, UUID attachmentId) {
        var seen = access.read(caller, ticketId);
        var attachment = comments.attachment(ticketId, attachmentId).filter(a -> visible(a, seen, caller))
                .orElseThrow(() -> new DeskNotFound("attachment"));
        return new Download(attachment, attachments.open(new AttachmentId(attachmentId)));
    }

    static boolean visible(TicketAttachment attachment, TicketAccess.Seen seen, CurrentUser caller) {
        return seen.agent() || attachment.uploaderId().equals(caller.id().value())
                || "PUBLIC".equals(attachment.commentVisibility());
    }
}
