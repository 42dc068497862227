package io.usher.notification.internal;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    @Bean
    Mailer mailer(NotificationProperties properties) {
        var smtp = properties.smtp();
        if (!smtp.configured()) {
            return mail -> log.info("E-mail (no SMTP server configured, so logged instead) to {}: {}\n{}",
                    mail.to(), mail.subject(), mail.body());
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
            var message = new SimpleMailMessage();
            message.setFrom(smtp.from());
            message.setTo(mail.to());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            sender.send(message);
        };
    }
}
