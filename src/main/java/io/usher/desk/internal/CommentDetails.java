package io.usher.desk.internal;

import java.util.List;

/** A comment with the attachments it carries that the reader may see. */
public record CommentDetails(Comment comment, List<TicketAttachment> attachments) {
}
