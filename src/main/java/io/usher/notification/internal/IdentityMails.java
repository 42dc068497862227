package io.usher.notification.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.usher.identity.EmailVerificationRequested;
import io.usher.identity.PasswordResetRequested;
import io.usher.platform.web.WebProperties;

/** Mails the links identity asks for. */
@Component
class IdentityMails {

    private final Mailer mailer;
    private final String baseUrl;

    IdentityMails(Mailer mailer, WebProperties web) {
        this.mailer = mailer;
        this.baseUrl = web.baseUrl().replaceAll("/+$", "");
    }

    @ApplicationModuleListener
    void on(EmailVerificationRequested event) {
        var link = baseUrl + "/verify-email?token=" + URLEncoder.encode(event.token(), StandardCharsets.UTF_8);
        mailer.send(new Mail(event.email(), "Confirm your e-mail address for Usher", """
                Hello %s,

                please confirm your e-mail address by opening this link:

                %s

                The link works once and until %s (UTC). If you did not sign up for Usher, ignore this e-mail.
                """.formatted(event.displayName(), link, event.expiresAt())));
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested event) {
        var link = baseUrl + "/reset-password?token=" + URLEncoder.encode(event.token(), StandardCharsets.UTF_8);
        mailer.send(new Mail(event.email(), "Reset your Usher password", """
                Hello %s,

                someone (hopefully you) asked to reset the password of your Usher account. Choose a new one here:

                %s

                The link works once and until %s (UTC); using it signs you out everywhere.
                If you did not ask for this, ignore this e-mail: your password stays as it is.
                """.formatted(event.displayName(), link, event.expiresAt())));
    }
}
