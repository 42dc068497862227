package io.usher.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    @Bean
    Mailer mailer(NotificationProperties properties) {
        var smtp = properties.smtp();
        if (!smtp.configured()) {
            return mail -> log.info("E-mail (no SMTP server configured, so logged instead) to {}: {}\n{}{}",
                    mail.to(), mail.subject(), mail.body(), mail.attachments().stream()
                            .map(a -> "\n[attached: " + a.filename() + ", " + a.contentType() + ", "
                                    + a.content().length + " bytes]")
                            .collect(Collectors.joining()));
        }
        var sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        var javaMail = new Properties();
        javaMail.put("mail.smtp.auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        javaMail.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        javaMail.put("mail.smtp.connectiontimeout", "5000");
        javaMail.put("mail.smtp.timeout", "10000");
        javaMail.put("mail.smtp.writetimeout", "10000");
        sender.setJavaMailProperties(javaMail);
        return mail -> {
            if (!mail.attachments().isEmpty()) {
                sender.send(mime -> {
                    var message = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
                    message.setFrom(smtp.from());
                    message.setTo(mail.to());
                    message.setSubject(mail.subject());
                    message.setText(mail.body(), false);
                    for (var attachment : mail.attachments()) {
                        message.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
                                attachment.contentType());
                    }
                });
                return;
            }
            var message = new SimpleMailMessage();
            message.setFrom(smtp.from());
            message.setTo(mail.to());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            sender.send(message);
        };
    }
}
