package io.usher.desk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.usher.common.UsherException;
import io.usher.desk.TicketStatus;
import io.usher.desk.internal.Tickets;
import io.usher.identity.CurrentUser;

/**
 * What the workspace says after a bulk change, from the redirect's ticket ids and stable codes: numbers only of
 * tickets the viewer may see, texts only from {@code messages.properties}, so a crafted link puts no words of its own
 * on the page.
 */
@Component
class BulkSummaries {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Tickets tickets;
    private final MessageSource messages;

    BulkSummaries(Tickets tickets, MessageSource messages) {
        this.tickets = tickets;
        this.messages = messages;
    }

    /** "2 updated, 1 refused." and a line per refused ticket. */
    record Summary(String updated, List<String> refused) {
    }

    /**
     * The outcome named by the redirect's {@code updated}, {@code refused} and {@code refusedMore}, or null without
     * one. Refusals name tickets the viewer may see by number; unknown codes give a general sentence.
     */
    Summary of(CurrentUser caller, Integer updated, List<String> refused, Integer refusedMore) {
        if (updated == null) {
            return null;
        }
        var lines = new ArrayList<String>();
        for (var value : refused == null ? List.<String>of() : refused) {
            var parts = value.split("~");
            var id = DeskPortalPages.uuid(parts[0]);
            if (parts.length < 2 || id == null || !CODE.matcher(parts[1]).matches()) {
                continue;
            }
            lines.add(number(caller, id) + ": " + reason(parts));
        }
        if (refusedMore != null && refusedMore > 0) {
            lines.add(text("desk-bulk.more-refused", "and {0} more refused", refusedMore));
        }
        var count = (refused == null ? 0 : refused.size()) + (refusedMore == null ? 0 : Math.max(refusedMore, 0));
        return new Summary(text("desk-bulk.summary", "{0} updated, {1} refused.", Math.max(updated, 0), count),
                lines);
    }

    private String number(CurrentUser caller, UUID id) {
        try {
            return tickets.get(caller, id).ticket().number();
        } catch (UsherException notVisible) {
            return text("desk-bulk.unknown-ticket", "A ticket");
        }
    }

    private String reason(String[] parts) {
        var code = parts[1];
        if (parts.length == 4 && status(parts[2]) && status(parts[3])) {
            var text = messages.getMessage("desk-bulk.refused." + code, new Object[] {parts[2], parts[3]}, null,
                    Locale.UK);
            if (text != null) {
                return text;
            }
        }
        var text = messages.getMessage("desk-bulk.refused." + code, null, null, Locale.UK);
        if (text == null || text.contains("{0}")) {
            text = messages.getMessage("error." + code, null, null, Locale.UK);
        }
        return text != null ? text : text("desk-bulk.refused", "refused");
    }

    private String text(String key, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments, fallback, Locale.UK);
    }

    private static boolean status(String name) {
        try {
            TicketStatus.valueOf(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
