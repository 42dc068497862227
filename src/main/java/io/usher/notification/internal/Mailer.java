package io.usher.notification.internal;

/** Delivers mail: over SMTP, or to the log when no server is configured. */
interface Mailer {

    /** @throws RuntimeException when delivery fails, so the event is retried */
    void send(Mail mail);
}
