package io.usher.desk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.identity.CurrentUser;

/**
 * What the desk's forms do in one go, so a refused file undoes the rest: open a ticket with files, write a comment
 * with files. (The API does the same in steps: upload, then name the uploads in the comment.)
 */
@Service
public class TicketForms {

    private final Tickets tickets;
    private final Conversation conversation;
    private final TicketAttachments attachments;

    TicketForms(Tickets tickets, Conversation conversation, TicketAttachments attachments) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.attachments = attachments;
    }

    /** A file as a form sends it: the name the client gave, the size it declares, and the bytes. */
    public record Upload(String name, long size, InputStreamSource content) {
    }

    /** Opens the ticket and puts the files on it; if a file is refused, there is no ticket either. */
    @Transactional
    public TicketDetails open(CurrentUser requester, NewTicket request, List<Upload> files) {
        var created = tickets.create(requester, request);
        upload(requester, created.ticket().id(), files);
        return created;
    }

    /** Uploads the files and writes the comment carrying them; if a file is refused, nothing is written. */
    @Transactional
    public CommentDetails comment(CurrentUser author, UUID ticketId, String body, String visibility,
            List<Upload> files) {
        var ids = upload(author, ticketId, files);
        return conversation.post(author, ticketId, new NewComment(body, visibility, ids));
    }

    private List<UUID> upload(CurrentUser uploader, UUID ticketId, List<Upload> files) {
        var ids = new ArrayList<UUID>();
        for (var file : files) {
            try (var content = file.content().getInputStream()) {
                ids.add(attachments.upload(uploader, ticketId, content, file.name(), file.size()).attachmentId());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }
}
