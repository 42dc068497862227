package io.usher.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.usher.identity.EmailVerificationRequested;
import io.usher.identity.UserId;
import tools.jackson.databind.json.JsonMapper;

/** Typed ids are plain strings in JSON, both in API answers and in the event publication log. */
class TypedIdsJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesAndReadsTypedIdsAsPlainStrings() {
        var seat = SeatId.random();

        assertThat(json.writeValueAsString(seat)).isEqualTo("\"" + seat.value() + "\"");
        assertThat(json.readValue("\"" + seat.value() + "\"", SeatId.class)).isEqualTo(seat);
    }

    @Test
    void roundTripsAnEventThatCarriesTypedIds() {
        var event = new EmailVerificationRequested(new UserId(UUID.randomUUID()), "a@b.test", "A", "token",
                Instant.parse("2030-01-01T00:00:00Z"));

        var text = json.writeValueAsString(event);

        assertThat(text).contains("\"user\":\"" + event.user().value() + "\"");
        assertThat(json.readValue(text, EmailVerificationRequested.class)).isEqualTo(event);
    }
}
