package io.usher.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.usher.desk.CommentVisibility;
import io.usher.desk.DeskMentioned;
import io.usher.desk.DeskReplyPosted;
import io.usher.platform.web.WebProperties;

/**
 * Desk conversation mail: a requester hears of an agent's public reply, an agent of being mentioned. The desk
 * publishes no event for internal notes to requesters, so none can be mailed to them.
 */
@Component
class DeskMails {

    private final Mailer mailer;
    private final String baseUrl;

    DeskMails(Mailer mailer, WebProperties web) {
        this.mailer = mailer;
        this.baseUrl = web.baseUrl().replaceAll("/+$", "");
    }

    @ApplicationModuleListener
    void on(DeskReplyPosted event) {
        mailer.send(new Mail(event.requesterEmail(), "[" + event.number() + "] New reply: " + event.subject(), """
                Hello,

                %s replied to your ticket %s (%s):

                %s

                Read and answer: %s
                """.formatted(event.author(), event.number(), event.subject(), event.excerpt(), link(event.ticket()))));
    }

    @ApplicationModuleListener
    void on(DeskMentioned event) {
        var where = event.visibility() == CommentVisibility.INTERNAL ? "an internal note" : "a reply";
        mailer.send(new Mail(event.mentionedEmail(), "[" + event.number() + "] " + event.by() + " mentioned you",
                """
                Hello,

                %s mentioned you in %s on ticket %s (%s):

                %s

                Open the ticket: %s
                """.formatted(event.by(), where, event.number(), event.subject(), event.excerpt(),
                        link(event.ticket()))));
    }

    private String link(io.usher.desk.TicketId ticket) {
        return baseUrl + "/desk/tickets/" + ticket;
    }
}
