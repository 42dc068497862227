package io.usher.support;

import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Reads what Usher sent to the test SMTP server. */
public final class Mailbox {

    private Mailbox() {
    }

    /** Waits (up to 10 s) for a mail to {@code email} whose body matches, and returns group 1, URL-decoded. */
    public static String awaitLink(String email, Pattern pattern) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> find(email, pattern), Optional::isPresent).orElseThrow();
    }

    /** Waits (up to 15 s) for a mail to {@code email} whose subject contains {@code subject}, and returns it. */
    public static MimeMessage awaitSubject(String email, String subject) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> messagesTo(email).stream().filter(m -> subject(m).contains(subject)).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every mail received so far by {@code email}. */
    public static List<MimeMessage> messagesTo(String email) {
        return Arrays.stream(TestMailServer.get().getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(email)).toList();
    }

    private static Optional<String> find(String email, Pattern pattern) {
        for (var message : messagesTo(email)) {
            var matcher = pattern.matcher(body(message));
            if (matcher.find()) {
                return Optional.of(URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
