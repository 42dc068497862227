package io.usher.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.usher.common.Money;
import tools.jackson.databind.json.JsonMapper;

/** Payment events survive the event publication log, which stores them as JSON; ids are plain strings. */
class PaymentEventsJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void roundTripsTheEventsThatCarryMoneyAndIds() {
        var refunded = new PaymentRefunded(PaymentId.random(), "order-7", Money.of(500, "EUR"), Money.of(1500, "EUR"),
                "re_test_1", Instant.parse("2030-01-01T00:00:00Z"));
        var succeeded = new PaymentSucceeded(PaymentId.random(), "order-8", Money.of(100, "JPY"), "stripe", "pi_1",
                Instant.parse("2030-01-01T00:00:00Z"));

        var text = json.writeValueAsString(refunded);

        assertThat(text).contains("\"payment\":\"" + refunded.payment().value() + "\"");
        assertThat(json.readValue(text, PaymentRefunded.class)).isEqualTo(refunded);
        assertThat(json.readValue(json.writeValueAsString(succeeded), PaymentSucceeded.class)).isEqualTo(succeeded);
    }
}
