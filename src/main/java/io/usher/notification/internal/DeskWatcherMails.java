package io.usher.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.usher.desk.DeskWatchedTicketReplied;
import io.usher.platform.web.WebProperties;

/** A watcher of a desk ticket hears of each public reply, as its requester does (never of internal notes). */
@Component
class DeskWatcherMails {

    private final Mailer mailer;
    private final String baseUrl;

    DeskWatcherMails(Mailer mailer, WebProperties web) {
        this.mailer = mailer;
        this.baseUrl = web.baseUrl().replaceAll("/+$", "");
    }

    @ApplicationModuleListener
    void on(DeskWatchedTicketReplied event) {
        mailer.send(new Mail(event.watcherEmail(), "[" + event.number() + "] New reply: " + event.subject(), """
                Hello,

                %s replied on %s (%s), a ticket you watch:

                %s

                Read the ticket: %s

                You get this because you watch the ticket; stop watching it on the ticket page.
                """.formatted(event.author(), event.number(), event.subject(), event.excerpt(),
                baseUrl + "/desk/tickets/" + event.ticket())));
    }
}
