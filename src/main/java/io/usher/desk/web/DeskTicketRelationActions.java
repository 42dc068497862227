package io.usher.desk.web;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.usher.common.UsherException;
import io.usher.desk.internal.TicketMerges;
import io.usher.desk.internal.TicketRelations;
import io.usher.desk.internal.Tickets;
import io.usher.identity.CurrentUser;
import io.usher.identity.UserDirectory;

/**
 * The ticket page's forms for what a ticket relates to: watching it (anyone who sees it, for themselves; agents of
 * the queue add people by e-mail address and remove them), its tags, its links to other tickets and merging it into
 * another (agents; the other ticket named by its number). As {@link DeskTicketActions}: a plain post is answered
 * with a redirect and a message, an htmx post with the page's changing parts. A merge always ends on a new page: the
 * ticket merged into, or this one with the refusal.
 */
@Controller
@RequestMapping("/desk/tickets/{id}")
class DeskTicketRelationActions {

    private static final String HTMX = "HX-Request";
    /** The refusal for an address nobody has, as for one who may not see the ticket: no list of who has accounts. */
    private static final String CANNOT_SEE = "desk.watcher_cannot_see_ticket";
    private static final String UNKNOWN_NUMBER = "desk-unknown-ticket-number";
    private static final String OTHER_UNSEEN = "desk-other-ticket-not-yours";

    private final TicketRelations relations;
    private final TicketMerges merges;
    private final Tickets tickets;
    private final UserDirectory people;
    private final TicketPageModel pages;
    private final TicketFormAnswers answers;

    DeskTicketRelationActions(TicketRelations relations, TicketMerges merges, Tickets tickets, UserDirectory people,
            TicketPageModel pages, TicketFormAnswers answers) {
        this.relations = relations;
        this.merges = merges;
        this.tickets = tickets;
        this.people = people;
        this.pages = pages;
        this.answers = answers;
    }

    /** Watch the ticket yourself, or (agents of the queue, {@code email} given) add someone who may see it. */
    @PostMapping("/watchers")
    String watch(@PathVariable UUID id, @RequestParam(defaultValue = "") String email,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        if (email.isBlank()) {
            return act(caller, id, htmx, "desk-watching", model, () -> relations.watch(caller, id, null));
        }
        tickets.get(caller, id);
        var person = people.findByEmail(email.strip());
        if (person.isEmpty()) {
            return failed(caller, id, htmx, CANNOT_SEE, model);
        }
        return act(caller, id, htmx, "desk-watcher-added", model,
                () -> relations.watch(caller, id, person.get().id().value()));
    }

    /** Stop watching ({@code userId} yours or absent), or as an agent of the queue remove another watcher. */
    @PostMapping("/watchers/remove")
    String unwatch(@PathVariable UUID id, @RequestParam(defaultValue = "") String userId,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        var given = DeskPortalPages.uuid(userId);
        var watcher = given == null ? caller.id().value() : given;
        var notice = watcher.equals(caller.id().value()) ? "desk-not-watching" : "desk-watcher-removed";
        return act(caller, id, htmx, notice, model, () -> relations.unwatch(caller, id, watcher));
    }

    /** Replace the tags with those of one comma-separated field (empty removes them all). */
    @PostMapping("/tags")
    String tag(@PathVariable UUID id, @RequestParam(defaultValue = "") String tags,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        // "a, , b" and a trailing comma are typing, not blank tags
        var given = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return act(caller, id, htmx, "desk-tags-saved", model, () -> relations.tag(caller, id, given));
    }

    /** Link to the ticket numbered {@code number}. */
    @PostMapping("/links")
    String link(@PathVariable UUID id, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String number,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        tickets.get(caller, id);
        var other = worked(caller, number);
        if (other == null) {
            return failed(caller, id, htmx, UNKNOWN_NUMBER, model);
        }
        return act(caller, id, htmx, "desk-linked", model, true, () -> relations.link(caller, id, type, other));
    }

    @PostMapping("/links/remove")
    String unlink(@PathVariable UUID id, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String ticketId,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        tickets.get(caller, id);
        var other = DeskPortalPages.uuid(ticketId);
        return act(caller, id, htmx, "desk-unlinked", model, true,
                () -> relations.unlink(caller, id, type, other));
    }

    /**
     * Merge this ticket into the one numbered {@code into}, once the form's {@code confirm} box says the agent knows
     * this ticket closes and its conversation moves. Not htmx: success is the other ticket's page.
     */
    @PostMapping("/merge")
    String merge(@PathVariable UUID id, @RequestParam(defaultValue = "") String into,
            @RequestParam(required = false) String confirm) {
        var caller = CurrentUser.require();
        tickets.get(caller, id);
        if (confirm == null) {
            return "redirect:/desk/tickets/" + id + "?error=desk-confirm-merge";
        }
        var other = worked(caller, into);
        if (other == null) {
            return "redirect:/desk/tickets/" + id + "?error=" + UNKNOWN_NUMBER;
        }
        try {
            var merged = merges.merge(caller, id, other);
            return "redirect:/desk/tickets/" + merged.ticket().id() + "?notice=desk-merged";
        } catch (UsherException refused) {
            if (refused.code().equals("desk.ticket_not_found")) {
                // this ticket was seen above: it is the other one
                return "redirect:/desk/tickets/" + id + "?error=" + OTHER_UNSEEN;
            }
            TicketFormAnswers.rethrowUnlessShown(refused);
            return "redirect:/desk/tickets/" + id + "?error=" + refused.code();
        }
    }

    /**
     * The ticket numbered {@code number} if the caller works its queue: links and merges need the agents of both
     * tickets, and a ticket that is someone's own or unseen is "no such ticket" alike.
     */
    private UUID worked(CurrentUser caller, String number) {
        return tickets.idOf(caller, number)
                .filter(other -> pages.agent(caller, tickets.get(caller, other)))
                .orElse(null);
    }

    private String act(CurrentUser caller, UUID id, String htmx, String notice, Model model, Runnable action) {
        return act(caller, id, htmx, notice, model, false, action);
    }

    /**
     * Runs the change. With {@code otherTicket} (this ticket was seen already, the change involves another), "ticket
     * not found" is about the other ticket: a message, not a 404 page.
     */
    private String act(CurrentUser caller, UUID id, String htmx, String notice, Model model, boolean otherTicket,
            Runnable action) {
        try {
            action.run();
        } catch (UsherException refused) {
            if (otherTicket && refused.code().equals("desk.ticket_not_found")) {
                return failed(caller, id, htmx, OTHER_UNSEEN, model);
            }
            TicketFormAnswers.rethrowUnlessShown(refused);
            return failed(caller, id, htmx, refused.code(), model);
        }
        return answers.done(caller, id, htmx, notice, model);
    }

    private String failed(CurrentUser caller, UUID id, String htmx, String code, Model model) {
        return answers.failed(caller, id, htmx, code, "That did not work.", model);
    }
}
