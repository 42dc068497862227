package io.usher.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param smtp the outgoing mail server; with no host, mails are written to the log instead
 * @param deskRatingLink where the resolution mail's rating links go, with {@code {ticket}} and {@code {score}};
 *        a path is taken relative to {@code usher.web.base-url}
 */
@ConfigurationProperties("usher.notification")
record NotificationProperties(@DefaultValue Smtp smtp,
        @DefaultValue("/desk/tickets/{ticket}/rate?score={score}") String deskRatingLink) {

    record Smtp(String host, @DefaultValue("25") int port, String username, String password,
            @DefaultValue("false") boolean starttls, @DefaultValue("Usher <no-reply@usher.local>") String from) {

        boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
