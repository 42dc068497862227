package io.usher.desk.web;

import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.usher.desk.internal.TicketAttachments;
import io.usher.identity.CurrentUser;

/**
 * One ticket, for whoever may see it (anyone else gets 404): the requester's view or the agent's, on the same route.
 * {@code …/live} is the part that changes, for htmx to swap in when the ticket's stream says something happened.
 */
@Controller
class DeskTicketPages {

    private final TicketPageModel pages;
    private final TicketAttachments attachments;

    DeskTicketPages(TicketPageModel pages, TicketAttachments attachments) {
        this.pages = pages;
        this.attachments = attachments;
    }

    @GetMapping("/desk/tickets/{id}")
    String ticket(@PathVariable UUID id, Model model) {
        pages.page(CurrentUser.require(), id, model);
        return "desk/ticket";
    }

    /**
     * Where the resolution mail's rating links lead ({@code usher.notification.desk-rating-link}): the ticket page
     * with the score chosen. Following a link never rates by itself (mail scanners follow links); the requester
     * sends the form.
     */
    @GetMapping("/desk/tickets/{id}/rate")
    String rate(@PathVariable UUID id, @RequestParam(required = false) Integer score, Model model) {
        pages.page(CurrentUser.require(), id, model);
        model.addAttribute("score", score != null && score >= 1 && score <= 5 ? score : null);
        return "desk/ticket";
    }

    /** The changing parts of the page, swapped in out of band. */
    @GetMapping("/desk/tickets/{id}/live")
    String live(@PathVariable UUID id, Model model) {
        pages.page(CurrentUser.require(), id, model);
        return "desk/ticket :: refresh";
    }

    /** A file of the ticket, to those who may see it (the API's download needs a bearer token; pages have cookies). */
    @GetMapping("/desk/tickets/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        var download = attachments.download(CurrentUser.require(), id, attachmentId);
        var file = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ConversationApi.contentDisposition(file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.content()));
    }
}
