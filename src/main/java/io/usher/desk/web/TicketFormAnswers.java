package io.usher.desk.web;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.usher.common.UsherException;
import io.usher.identity.CurrentUser;

/**
 * How the ticket page's forms answer: without htmx a redirect to the page with {@code ?notice=} or {@code ?error=};
 * with htmx the page's refreshed parts and the message. Shared by the page's controllers.
 */
@Component
class TicketFormAnswers {

    private final TicketPageModel pages;
    private final MessageSource messages;

    TicketFormAnswers(TicketPageModel pages, MessageSource messages) {
        this.pages = pages;
        this.messages = messages;
    }

    /** The change was made: {@code notice} names its message ({@code notice.<notice>}). */
    String done(CurrentUser caller, UUID id, String htmx, String notice, Model model) {
        if (htmx == null) {
            return "redirect:/desk/tickets/" + id + "?notice=" + notice;
        }
        pages.page(caller, id, model);
        model.addAttribute("message", new DeskTicketActions.Message(text("notice." + notice, "Saved."), false));
        return "desk/ticket :: refresh";
    }

    /** It was refused: {@code code} names its message ({@code error.<code>}), {@code fallback} where none is. */
    String failed(CurrentUser caller, UUID id, String htmx, String code, String fallback, Model model) {
        if (htmx == null) {
            return "redirect:/desk/tickets/" + id + "?error=" + code;
        }
        pages.page(caller, id, model);
        model.addAttribute("message", new DeskTicketActions.Message(text("error." + code, fallback), true));
        return "desk/ticket :: refresh";
    }

    /** 404s (not your ticket) and server failures go to the error page; the rest are explained on the page. */
    static void rethrowUnlessShown(UsherException refused) {
        if (refused.status() == HttpStatus.NOT_FOUND.value() && refused.code().equals("desk.ticket_not_found")
                || refused.status() >= 500) {
            throw refused;
        }
    }

    String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, Locale.UK);
    }
}
