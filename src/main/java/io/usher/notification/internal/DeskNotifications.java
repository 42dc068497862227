package io.usher.notification.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.usher.desk.DeskSlaBreached;
import io.usher.desk.DeskSlaWarning;
import io.usher.desk.DeskTicketRated;
import io.usher.desk.DeskTicketResolved;
import io.usher.desk.SlaTarget;
import io.usher.identity.UserDirectory;
import io.usher.identity.UserId;
import io.usher.platform.web.WebProperties;

/**
 * Tells desk people what the desk asks, by e-mail and in their in-app inbox: SLA warnings and breaches to the
 * assignee and the queue's managers, a resolution to the requester with links to rate it, a poor rating to the
 * queue's managers. An inbox entry is added once per event and person even if the listener is
 * retried.
 */
@Component
class DeskNotifications {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'",
            Locale.UK).withZone(ZoneOffset.UTC);

    private final Mailer mailer;
    private final Inbox inbox;
    private final UserDirectory directory;
    private final String baseUrl;
    private final String ratingLink;

    DeskNotifications(Mailer mailer, Inbox inbox, UserDirectory directory, WebProperties web,
            NotificationProperties properties) {
        this.mailer = mailer;
        this.inbox = inbox;
        this.directory = directory;
        this.baseUrl = web.baseUrl().replaceAll("/+$", "");
        var link = properties.deskRatingLink();
        this.ratingLink = link.startsWith("/") ? baseUrl + link : link;
    }

    @ApplicationModuleListener
    void on(DeskTicketResolved event) {
        var ticket = event.ticket().value().toString();
        var links = new StringBuilder();
        for (int score = 5; score >= 1; score--) {
            links.append("  ").append(score).append(score == 5 ? " (very satisfied)" : score == 1 ? " (not at all)" : "")
                    .append(": ").append(ratingLink.replace("{ticket}", ticket).replace("{score}", Integer.toString(score)))
                    .append('\n');
        }
        var title = event.number() + " is resolved";
        var body = "Your ticket " + event.number() + " is resolved. How did we do? Rate it from 1 to 5:\n\n" + links
                + "\nNot solved after all? You can reopen it on the ticket page.";
        tell(event.requester(), "desk.ticket_resolved", title, body, link(ticket),
                "desk.ticket_resolved:" + ticket + ":" + event.at());
    }

    @ApplicationModuleListener
    void on(DeskTicketRated event) {
        if (!event.poor()) {
            return;
        }
        var ticket = event.ticket().value().toString();
        var title = event.number() + " was rated " + event.score() + " of 5";
        var body = "The requester rated " + event.number() + " " + event.score() + " of 5"
                + (event.comment() == null ? "." : ": \"" + event.comment() + "\"");
        for (var manager : event.managers()) {
            tell(manager, "desk.poor_rating", title, body, link(ticket),
                    "desk.poor_rating:" + ticket + ":" + event.at() + ":" + manager.value());
        }
    }

    @ApplicationModuleListener
    void on(DeskSlaWarning event) {
        var title = event.number() + ": " + timer(event.target()) + " due soon";
        var body = "%s (%s) will breach its %s target %s. %s".formatted(event.number(), event.subject(),
                timer(event.target()), WHEN.format(event.due()), event.explanation());
        for (var user : event.recipients()) {
            tell(user, "desk.sla_warning", title, body, link(event.ticket().value().toString()),
                    "desk.sla_warning:" + event.ticket().value() + ":" + event.target() + ":" + user.value());
        }
    }

    @ApplicationModuleListener
    void on(DeskSlaBreached event) {
        var title = event.number() + ": " + timer(event.target()) + " breached";
        var body = "%s (%s) breached its %s target (due %s). Priority is now %s%s. %s".formatted(event.number(),
                event.subject(), timer(event.target()), WHEN.format(event.due()), event.priority(),
                event.assignee() == null ? ", nobody is assigned" : "", event.explanation());
        for (var user : event.recipients()) {
            tell(user, "desk.sla_breached", title, body, link(event.ticket().value().toString()),
                    "desk.sla_breached:" + event.ticket().value() + ":" + event.target() + ":" + user.value());
        }
    }

    /** If the mail fails, the entry rolls back with it and the event is retried; the source key stops doubles. */
    private void tell(UserId user, String kind, String title, String body, String link, String sourceKey) {
        inbox.add(user, kind, title, body, link, sourceKey);
        directory.find(user).ifPresent(contact -> mailer.send(new Mail(contact.email(), title, """
                Hello %s,

                %s

                %s
                """.formatted(contact.displayName(), body, link))));
    }

    private String link(String ticket) {
        return baseUrl + "/desk/tickets/" + ticket;
    }

    private static String timer(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? "first response" : "resolution";
    }
}
