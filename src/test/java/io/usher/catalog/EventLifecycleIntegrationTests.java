package io.usher.catalog;

import static io.usher.catalog.CatalogFixtures.body;
import static io.usher.catalog.CatalogFixtures.event;
import static io.usher.catalog.CatalogFixtures.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.audit.AuditTrail;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** Draft → published → cancelled or completed, postponed on the way; and what each step means for sales. */
class EventLifecycleIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    @Autowired
    AuditTrail audit;

    CatalogFixtures fixtures;
    CatalogFixtures.Organizer organizer;

    @BeforeEach
    void organizer() {
        fixtures = new CatalogFixtures(api, users);
        organizer = fixtures.organizer();
    }

    @Test
    void putsAnEventOnSaleWhenItIsPublished() {
        var id = fixtures.createEvent(organizer, event(organizer, "Goes on sale"));
        var type = fixtures.generalAdmission(organizer, id, "Entry", 50, 2000, "EUR");
        var buyer = fixtures.customer();

        var beforePublishing = fixtures.hold(buyer, id, type, 2);
        var published = fixtures.publish(organizer, id);
        var afterPublishing = fixtures.hold(buyer, id, type, 2);

        assertThat(beforePublishing.status()).isEqualTo(404);
        assertThat(beforePublishing.code()).isEqualTo("inventory.event_not_found");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.json().get("publishedAt").isNull()).isFalse();
        assertThat(afterPublishing.status()).as(afterPublishing.toString()).isEqualTo(201);
        assertThat(afterPublishing.json().get("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void refusesToPublishWithoutTicketTypes() {
        var id = fixtures.createEvent(organizer, event(organizer, "Nothing to sell"));

        var refused = fixtures.publish(organizer, id);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("catalog.no_ticket_types");
        assertThat(api.as(organizer.token()).get("/api/v1/events/" + id).json().get("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void refusesIllegalTransitionsListingTheAllowedOnes() {
        var draft = fixtures.createEvent(organizer, event(organizer, "Still a draft"));
        var sale = fixtures.published(organizer, event(organizer, "Published once"), 10, 100);
        var as = api.as(organizer.token());

        var cancelDraft = as.post("/api/v1/events/" + draft + "/cancel", Map.of());
        var postponeDraft = as.post("/api/v1/events/" + draft + "/postpone",
                Map.of("startsAt", "2032-01-01T20:00", "endsAt", "2032-01-01T22:00"));
        var publishTwice = fixtures.publish(organizer, sale.eventId());
        var cancelled = as.post("/api/v1/events/" + sale.eventId() + "/cancel", Map.of());
        var cancelTwice = as.post("/api/v1/events/" + sale.eventId() + "/cancel", Map.of());
        var changeCancelled = as.patch("/api/v1/events/" + sale.eventId(), Map.of("title", "Revived"));
        var typeOfCancelled = as.post("/api/v1/events/" + sale.eventId() + "/ticket-types", body("name", "More",
                "priceMinor", 1, "currency", "EUR", "capacity", 1));

        assertThat(cancelDraft.status()).isEqualTo(409);
        assertThat(cancelDraft.code()).isEqualTo("catalog.illegal_transition");
        assertThat(cancelDraft.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(cancelDraft.json().get("allowed").valueStream().map(n -> n.asString())).containsExactly("PUBLISHED");
        assertThat(postponeDraft.code()).isEqualTo("catalog.illegal_transition");
        assertThat(publishTwice.json().get("allowed").valueStream().map(n -> n.asString()))
                .containsExactlyInAnyOrder("POSTPONED", "CANCELLED", "COMPLETED");
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelTwice.code()).isEqualTo("catalog.illegal_transition");
        assertThat(cancelTwice.json().get("allowed").size()).isZero();
        assertThat(changeCancelled.code()).isEqualTo("catalog.event_closed");
        assertThat(typeOfCancelled.code()).isEqualTo("catalog.event_closed");
    }

    @Test
    void stopsSellingWhenCancelled() {
        var sale = fixtures.published(organizer, event(organizer, "Called off"), 10, 100);
        var buyer = fixtures.customer();
        assertThat(fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1).status()).isEqualTo(201);

        api.as(organizer.token()).post("/api/v1/events/" + sale.eventId() + "/cancel", Map.of());

        var refused = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("inventory.event_not_found");
        assertThat(api.get("/api/v1/events/" + sale.eventId()).json().get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void postponesToANewScheduleAndKeepsSelling() {
        var sale = fixtures.published(organizer, event(organizer, "Moved"), 10, 100);
        var as = api.as(organizer.token());

        var postponed = as.post("/api/v1/events/" + sale.eventId() + "/postpone",
                Map.of("startsAt", "2031-09-01T20:00", "endsAt", "2031-09-01T23:00"));
        var again = as.post("/api/v1/events/" + sale.eventId() + "/postpone",
                Map.of("startsAt", "2031-10-01T20:00", "endsAt", "2031-10-01T23:00"));
        var backwards = as.post("/api/v1/events/" + sale.eventId() + "/postpone",
                Map.of("startsAt", "2031-10-01T20:00", "endsAt", "2031-10-01T19:00"));
        var past = as.post("/api/v1/events/" + sale.eventId() + "/postpone",
                Map.of("startsAt", "2020-10-01T20:00", "endsAt", "2020-10-01T23:00"));

        assertThat(postponed.status()).as(postponed.toString()).isEqualTo(200);
        assertThat(postponed.json().get("status").asString()).isEqualTo("POSTPONED");
        assertThat(postponed.json().get("startsAt").asString()).isEqualTo("2031-09-01T20:00:00");
        assertThat(postponed.json().get("startsAtUtc").asString()).isEqualTo("2031-09-01T18:00:00Z");
        assertThat(again.json().get("startsAt").asString()).isEqualTo("2031-10-01T20:00:00");
        assertThat(fields(backwards)).containsExactly("endsAt");
        assertThat(fields(past)).containsExactly("startsAt");
        assertThat(fixtures.hold(fixtures.customer(), sale.eventId(), sale.ticketTypeId(), 1).status()).isEqualTo(201);
        assertThat(as.post("/api/v1/events/" + sale.eventId() + "/cancel", Map.of()).json().get("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void completesOnlyAnEventThatHasEnded() {
        var upcoming = fixtures.published(organizer, event(organizer, "Not over yet"), 10, 100);
        var now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        var ended = fixtures.published(organizer, event(organizer, "Over", "timezone", "UTC",
                "startsAt", now.minusHours(3).toString(), "endsAt", now.minusHours(1).toString()), 10, 100);
        var as = api.as(organizer.token());

        var early = as.post("/api/v1/events/" + upcoming.eventId() + "/complete", Map.of());
        var completed = as.post("/api/v1/events/" + ended.eventId() + "/complete", Map.of());

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("catalog.event_not_ended");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(fixtures.hold(fixtures.customer(), ended.eventId(), ended.ticketTypeId(), 1).code())
                .isEqualTo("inventory.event_not_found");
    }

    @Test
    void auditsWhatOrganizersDo() {
        var sale = fixtures.published(organizer, event(organizer, "Audited"), 10, 100);
        api.as(organizer.token()).post("/api/v1/events/" + sale.eventId() + "/postpone",
                Map.of("startsAt", "2031-09-01T20:00", "endsAt", "2031-09-01T23:00"));
        api.as(organizer.token()).post("/api/v1/events/" + sale.eventId() + "/cancel", Map.of());

        var actions = List.of("CATALOG_EVENT_CREATED", "CATALOG_TICKET_TYPE_CREATED", "CATALOG_EVENT_PUBLISHED",
                "CATALOG_EVENT_POSTPONED", "CATALOG_EVENT_CANCELLED");
        for (var action : actions) {
            assertThat(audit.find(action, null, 0, 500)).as(action)
                    .anySatisfy(entry -> assertThat(entry.subject()).isIn(sale.eventId(), sale.ticketTypeId()));
        }
    }
}
