package io.usher.desk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.desk.internal.CommentDetails;
import io.usher.desk.internal.CommentRevision;
import io.usher.desk.internal.Conversation;
import io.usher.desk.internal.Markdown;
import io.usher.desk.internal.NewComment;
import io.usher.desk.internal.TicketAttachment;
import io.usher.desk.internal.TicketAttachments;
import io.usher.desk.internal.TimelineEntry;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;

@RestController
@RequestMapping("/api/v1/desk/tickets/{id}")
@Tag(name = "Desk: conversation", description = "Public replies, internal notes (never shown to requesters), "
        + "attachments and the timeline of a ticket")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 404, codes = "desk.ticket_not_found")
class ConversationApi {

    private final Conversation conversation;
    private final TicketAttachments attachments;

    ConversationApi(Conversation conversation, TicketAttachments attachments) {
        this.conversation = conversation;
        this.attachments = attachments;
    }

    record CommentView(UUID id, UUID authorId, String visibility, boolean byAgent, String body, String bodyHtml,
            Instant createdAt, Instant editedAt, List<AttachmentView> attachments) {

        static CommentView of(CommentDetails details) {
            var c = details.comment();
            return new CommentView(c.id(), c.authorId(), c.visibility().name(), c.byAgent(), c.body(),
                    Markdown.toSafeHtml(c.body()), c.createdAt(), c.editedAt(),
                    details.attachments().stream().map(AttachmentView::of).toList());
        }
    }

    record AttachmentView(UUID id, String name, String contentType, long size, UUID uploaderId, UUID commentId,
            Instant createdAt, String href) {

        static AttachmentView of(TicketAttachment a) {
            return new AttachmentView(a.attachmentId(), a.name(), a.contentType(), a.size(), a.uploaderId(),
                    a.commentId(), a.createdAt(),
                    "/api/v1/desk/tickets/" + a.ticketId() + "/attachments/" + a.attachmentId());
        }
    }

    record RevisionView(String body, Instant writtenAt, Instant replacedAt) {

        static RevisionView of(CommentRevision revision) {
            return new RevisionView(revision.body(), revision.writtenAt(), revision.replacedAt());
        }
    }

    /** A comment ({@code kind: COMMENT}) or a field change ({@code kind: CHANGE}). */
    record TimelineView(String kind, Instant at, CommentView comment, UUID actorId, String field, String oldValue,
            String newValue) {

        static TimelineView of(TimelineEntry entry) {
            return switch (entry) {
                case TimelineEntry.CommentEntry c -> new TimelineView("COMMENT", c.at(), CommentView.of(c.details()),
                        c.details().comment().authorId(), null, null, null);
                case TimelineEntry.ChangeEntry c -> new TimelineView("CHANGE", c.at(), null, c.actorId(), c.field(),
                        c.oldValue(), c.newValue());
            };
        }
    }

    record CommentEdit(String body) {
    }

    @PostMapping("/comments")
    @Operation(summary = "Write a comment: {body (Markdown), visibility PUBLIC | INTERNAL (agents only), "
            + "attachmentIds? (your uploads to this ticket)}; @their.email@example.com mentions an agent of the queue")
    @ApiProblem(status = 400, codes = "desk.invalid_comment")
    @ApiProblem(status = 403, codes = "desk.requesters_write_public_only")
    ResponseEntity<CommentView> post(@PathVariable UUID id, @RequestBody NewComment body) {
        var posted = conversation.post(CurrentUser.require(), id, body);
        return ResponseEntity.created(URI.create("/api/v1/desk/tickets/" + id + "/comments/" + posted.comment().id()))
                .body(CommentView.of(posted));
    }

    @GetMapping("/comments")
    @Operation(summary = "The comments you may read, oldest first (requesters never get internal notes)")
    List<CommentView> comments(@PathVariable UUID id) {
        return conversation.comments(CurrentUser.require(), id).stream().map(CommentView::of).toList();
    }

    @PutMapping("/comments/{commentId}")
    @Operation(summary = "Edit your comment within 5 minutes of writing it; the earlier text is kept")
    @ApiProblem(status = 400, codes = "desk.invalid_comment")
    @ApiProblem(status = 403, codes = "desk.not_the_author")
    @ApiProblem(status = 404, codes = "desk.comment_not_found")
    @ApiProblem(status = 409, codes = "desk.edit_window_closed")
    CommentView edit(@PathVariable UUID id, @PathVariable UUID commentId, @RequestBody CommentEdit body) {
        return CommentView.of(conversation.edit(CurrentUser.require(), id, commentId, body == null ? null : body.body()));
    }

    @GetMapping("/comments/{commentId}/revisions")
    @Operation(summary = "The texts a comment had before its edits, oldest first")
    @ApiProblem(status = 404, codes = "desk.comment_not_found")
    List<RevisionView> revisions(@PathVariable UUID id, @PathVariable UUID commentId) {
        return conversation.revisions(CurrentUser.require(), id, commentId).stream().map(RevisionView::of).toList();
    }

    @GetMapping("/timeline")
    @Operation(summary = "Comments you may read and field changes, in the order they happened")
    List<TimelineView> timeline(@PathVariable UUID id) {
        return conversation.timeline(CurrentUser.require(), id).stream().map(TimelineView::of).toList();
    }

    @PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file (multipart part 'file'): ≤ 10 MB, PNG, JPEG, GIF, PDF or UTF-8 text by its "
            + "content; ≤ 50 MB per ticket. Name it in a comment's attachmentIds to share it")
    @ApiProblem(status = 400, codes = {"attachment.empty", "request.malformed"})
    @ApiProblem(status = 413, codes = {"attachment.too_large", "desk.ticket_attachments_full", "request.too_large"})
    @ApiProblem(status = 415, codes = "attachment.type_not_allowed")
    @ApiProblem(status = 503, codes = "attachment.storage_unavailable", description = "The S3-compatible storage "
            + "failed; nothing was stored.")
    ResponseEntity<AttachmentView> upload(@PathVariable UUID id, @RequestPart("file") MultipartFile file) {
        TicketAttachment stored;
        try (var content = file.getInputStream()) {
            stored = attachments.upload(CurrentUser.require(), id, content, file.getOriginalFilename(),
                    file.getSize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.created(URI.create("/api/v1/desk/tickets/" + id + "/attachments/"
                + stored.attachmentId())).body(AttachmentView.of(stored));
    }

    @GetMapping("/attachments")
    @Operation(summary = "The ticket's files you may see")
    List<AttachmentView> attachments(@PathVariable UUID id) {
        return attachments.list(CurrentUser.require(), id).stream().map(AttachmentView::of).toList();
    }

    @GetMapping("/attachments/{attachmentId}")
    @Operation(summary = "Download a file (as an attachment, never rendered inline)")
    @ApiProblem(status = 404, codes = "desk.attachment_not_found")
    @ApiProblem(status = 503, codes = "attachment.storage_unavailable")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        var download = attachments.download(CurrentUser.require(), id, attachmentId);
        var file = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.content()));
    }

    /** {@code attachment} with an ASCII fallback name and the exact name in RFC 5987 encoding. */
    static String contentDisposition(String name) {
        var ascii = name.replaceAll("[^\\x20-\\x7E]|[\"\\\\%]", "_");
        var encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
