package io.usher.desk.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.usher.common.UsherException;
import io.usher.desk.Priority;
import io.usher.desk.TicketStatus;
import io.usher.desk.internal.Assignments;
import io.usher.desk.internal.Ratings;
import io.usher.desk.internal.TicketForms;
import io.usher.desk.internal.Tickets;
import io.usher.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The ticket page's forms: reply or note (with files), status, priority, assignee, accept/decline, reopen, rate.
 * Each is a plain form post answered with a redirect and a message, or, sent by htmx ({@code HX-Request}), with the
 * page's changing parts to swap in out of band. A refusal (a step the status matrix does not allow, a file of the
 * wrong type) is shown next to the form; a ticket the caller may not see is 404 as everywhere.
 */
@Controller
@RequestMapping("/desk/tickets/{id}")
class DeskTicketActions {

    private static final String HTMX = "HX-Request";

    private final TicketForms forms;
    private final Tickets tickets;
    private final Assignments assignments;
    private final Ratings ratings;
    private final TicketPageModel pages;
    private final TicketFormAnswers answers;

    DeskTicketActions(TicketForms forms, Tickets tickets, Assignments assignments, Ratings ratings,
            TicketPageModel pages, TicketFormAnswers answers) {
        this.forms = forms;
        this.tickets = tickets;
        this.assignments = assignments;
        this.ratings = ratings;
        this.pages = pages;
        this.answers = answers;
    }

    /** A sentence for the page's message region. */
    record Message(String text, boolean error) {
    }

    @PostMapping("/comments")
    String comment(@PathVariable UUID id, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "PUBLIC") String visibility,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model, HttpServletResponse response) {
        var caller = CurrentUser.require();
        var internal = "INTERNAL".equalsIgnoreCase(visibility);
        try {
            forms.comment(caller, id, body, internal ? "INTERNAL" : "PUBLIC", uploads(files));
        } catch (UsherException refused) {
            rethrowUnlessShown(refused);
            if (htmx == null) {
                // htmx swaps only successful answers; it gets the editor with the error as a 200
                response.setStatus(refused.status());
            }
            pages.page(caller, id, model);
            model.addAttribute("editor", true);
            model.addAttribute("draft", body);
            model.addAttribute("draftInternal", internal);
            model.addAttribute("editorError", refused.code().startsWith("attachment.")
                    || refused.code().equals("desk.ticket_attachments_full") ? fileProblem(refused)
                    : text("error." + refused.code(), refused.getMessage()));
            return htmx != null ? "desk/ticket :: refresh" : "desk/ticket";
        }
        if (htmx != null) {
            model.addAttribute("editor", true);
        }
        return done(caller, id, htmx, internal ? "desk-note-added" : "desk-reply-posted", model);
    }

    @PostMapping("/status")
    String status(@PathVariable UUID id, @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String resolution,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        TicketStatus target;
        try {
            target = TicketStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return failed(caller, id, htmx, "desk-choose-status", null, model);
        }
        return act(caller, id, htmx, "desk-status-changed", model,
                () -> tickets.changeStatus(caller, id, target, resolution));
    }

    @PostMapping("/priority")
    String priority(@PathVariable UUID id, @RequestParam(defaultValue = "") String priority,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        Priority target;
        try {
            target = Priority.valueOf(priority.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return failed(caller, id, htmx, "desk-choose-priority", null, model);
        }
        return act(caller, id, htmx, "desk-priority-changed", model, () -> tickets.changePriority(caller, id, target));
    }

    @PostMapping("/assignee")
    String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String agentId,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        var agent = "me".equals(agentId) ? caller.id().value() : DeskPortalPages.uuid(agentId);
        return act(caller, id, htmx, "desk-assigned", model, () -> assignments.assign(caller, id, agent));
    }

    @PostMapping("/accept")
    String accept(@PathVariable UUID id, @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        return act(caller, id, htmx, "desk-accepted", model, () -> assignments.accept(caller, id));
    }

    @PostMapping("/decline")
    String decline(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        return act(caller, id, htmx, "desk-declined", model, () -> assignments.decline(caller, id, reason));
    }

    @PostMapping("/reopen")
    String reopen(@PathVariable UUID id, @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        return act(caller, id, htmx, "desk-reopened", model,
                () -> tickets.changeStatus(caller, id, TicketStatus.REOPENED, null));
    }

    @PostMapping("/rating")
    String rate(@PathVariable UUID id, @RequestParam(required = false) Integer score,
            @RequestParam(required = false) String comment,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        return act(caller, id, htmx, "desk-rated", model, () -> ratings.rate(caller, id, score, comment));
    }

    private String act(CurrentUser caller, UUID id, String htmx, String notice, Model model, Runnable action) {
        try {
            action.run();
        } catch (UsherException refused) {
            rethrowUnlessShown(refused);
            return failed(caller, id, htmx, null, refused, model);
        }
        return done(caller, id, htmx, notice, model);
    }

    private String done(CurrentUser caller, UUID id, String htmx, String notice, Model model) {
        return answers.done(caller, id, htmx, notice, model);
    }

    /** Either a key of ours ({@code error.<key>}) or a refusal of the desk's (by its code). */
    private String failed(CurrentUser caller, UUID id, String htmx, String key, UsherException refused, Model model) {
        return answers.failed(caller, id, htmx, key != null ? key : refused.code(),
                refused == null ? "That did not work." : refused.getMessage(), model);
    }

    private static void rethrowUnlessShown(UsherException refused) {
        TicketFormAnswers.rethrowUnlessShown(refused);
    }

    private String text(String key, String fallback) {
        return answers.text(key, fallback);
    }

    /** What the form's files came to, for the message next to the file input. */
    static String fileProblem(UsherException refused) {
        return switch (refused.code()) {
            case "attachment.too_large" -> "A file is larger than 10 MB.";
            case "attachment.type_not_allowed" -> "Files may be PNG, JPEG, GIF, PDF or plain text.";
            case "attachment.empty" -> "A file is empty.";
            case "desk.ticket_attachments_full" -> "A ticket's files may total at most 50 MB.";
            default -> refused.getMessage();
        };
    }

    /** The files a form sent; file inputs left empty send one nameless, empty part, which is no file. */
    static List<TicketForms.Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> !f.isEmpty() || f.getOriginalFilename() != null
                && !f.getOriginalFilename().isBlank())
                .map(f -> new TicketForms.Upload(f.getOriginalFilename(), f.getSize(), f)).toList();
    }
}
