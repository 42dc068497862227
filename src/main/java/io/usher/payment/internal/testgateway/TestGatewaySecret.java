package io.usher.payment.internal.testgateway;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.usher.payment.internal.ConditionalOnTestGateway;
import io.usher.payment.internal.PaymentProperties;

/**
 * The test gateway's webhook signing secret. Configured ({@code usher.payment.test-gateway.webhook-secret}) or,
 * by default, generated once and kept in the database, so every instance on the same database signs and
 * verifies alike with no setup.
 */
@Component
@ConditionalOnTestGateway
public class TestGatewaySecret {

    private final String secret;

    TestGatewaySecret(PaymentProperties properties, JdbcClient jdbc, Clock clock) {
        var configured = properties.testGateway().webhookSecret();
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < 16) {
                throw new IllegalStateException("usher.payment.test-gateway.webhook-secret must have 16 characters or more");
            }
            this.secret = configured.strip();
        } else {
            var random = new byte[32];
            new SecureRandom().nextBytes(random);
            jdbc.sql("""
                    insert into payment_test_gateway_keys (id, webhook_secret, created_at) values (1, :secret, :now)
                    on conflict (id) do nothing
                    """)
                    .param("secret", "whsec_test_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random))
                    .param("now", Timestamp.from(clock.instant())).update();
            this.secret = jdbc.sql("select webhook_secret from payment_test_gateway_keys where id = 1")
                    .query(String.class).single();
        }
    }

    public String secret() {
        return secret;
    }
}
