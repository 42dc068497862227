package io.usher.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.usher.identity.EmailVerificationRequested;
import io.usher.identity.PasswordResetRequested;
import io.usher.identity.UserId;
import io.usher.support.Accounts;
import io.usher.support.Mailbox;
import io.usher.support.TestMailServer;

/**
 * The notification module with the modules it reads (admission's ticket documents pull in all of theirs): identity's,
 * order's and catalog's events in, real SMTP (GreenMail) out. The tickets mail is tested end to end in
 * {@code TicketMailIntegrationTests}.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class NotificationModuleTests {

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("usher.notification.smtp.host", () -> "127.0.0.1");
        registry.add("usher.notification.smtp.port", () -> TestMailServer.get().getSmtp().getPort());
        registry.add("usher.web.base-url", () -> "https://tickets.example.test/");
    }

    @Test
    void mailsTheVerificationLink(Scenario scenario) {
        var email = Accounts.uniqueEmail("verify");

        scenario.publish(new EmailVerificationRequested(new UserId(UUID.randomUUID()), email, "Vera", "tok-en_1",
                        Instant.parse("2030-01-01T00:00:00Z")))
                .andWaitForStateChange(() -> Mailbox.messagesTo(email), messages -> !messages.isEmpty())
                .andVerify(messages -> {
                    assertThat(messages).hasSize(1);
                    assertThat(Mailbox.body(messages.getFirst()))
                            .contains("Hello Vera")
                            .contains("https://tickets.example.test/verify-email?token=tok-en_1");
                });
    }

    @Test
    void mailsTheBuyerOfACancelledOrderWhatWasRefundedAndWhy(Scenario scenario) {
        var email = Accounts.uniqueEmail("cancelled");
        var order = new io.usher.order.OrderId(UUID.randomUUID());

        scenario.publish(new io.usher.order.OrderCancelled(order, io.usher.common.EventId.random(), email, "Cora",
                        io.usher.common.Money.of(4250, "EUR"), "The event was cancelled", Instant.now()))
                .andWaitForStateChange(() -> Mailbox.messagesTo(email), messages -> !messages.isEmpty())
                .andVerify(messages -> assertThat(Mailbox.body(messages.getFirst())).contains("Hello Cora")
                        .contains("€42.50").contains("The event was cancelled")
                        .contains("https://tickets.example.test/orders/" + order));
    }

    @Test
    void mailsThePasswordResetLink(Scenario scenario) {
        var email = Accounts.uniqueEmail("reset");

        scenario.publish(new PasswordResetRequested(new UserId(UUID.randomUUID()), email, "Rita", "abc",
                        Instant.parse("2030-01-01T00:00:00Z")))
                .andWaitForStateChange(() -> Mailbox.awaitLink(email, Pattern.compile("reset-password\\?token=(\\w+)")))
                .andVerify(token -> assertThat(token).isEqualTo("abc"));
    }

    @Test
    void mailsTheRequesterAnAgentsPublicReply(Scenario scenario) {
        var email = Accounts.uniqueEmail("desk-requester");
        var ticket = new io.usher.desk.TicketId(UUID.randomUUID());

        scenario.publish(new io.usher.desk.DeskReplyPosted(ticket, "TKT-2026-000042", "Cannot download",
                        new UserId(UUID.randomUUID()), email, "Ada Agent", "We re-sent the PDF.", Instant.now()))
                .andWaitForStateChange(() -> Mailbox.messagesTo(email), messages -> !messages.isEmpty())
                .andVerify(messages -> {
                    assertThat(messages.getFirst()).extracting(message -> {
                        try {
                            return message.getSubject();
                        } catch (jakarta.mail.MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    }).isEqualTo("[TKT-2026-000042] New reply: Cannot download");
                    assertThat(Mailbox.body(messages.getFirst())).contains("Ada Agent replied")
                            .contains("We re-sent the PDF.")
                            .contains("https://tickets.example.test/desk/tickets/" + ticket);
                });
    }

    @Test
    void mailsAMentionedAgent(Scenario scenario) {
        var email = Accounts.uniqueEmail("desk-agent");

        scenario.publish(new io.usher.desk.DeskMentioned(new io.usher.desk.TicketId(UUID.randomUUID()),
                        "TKT-2026-000043", "Refund", new UserId(UUID.randomUUID()), email, "Max Manager",
                        io.usher.desk.CommentVisibility.INTERNAL, "@you please check", Instant.now()))
                .andWaitForStateChange(() -> Mailbox.messagesTo(email), messages -> !messages.isEmpty())
                .andVerify(messages -> assertThat(Mailbox.body(messages.getFirst()))
                        .contains("Max Manager mentioned you in an internal note on ticket TKT-2026-000043")
                        .contains("@you please check"));
    }
}
