package io.usher.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import io.usher.catalog.internal.EventDetails;
import io.usher.catalog.internal.EventLifecycle;
import io.usher.catalog.internal.EventManagement;
import io.usher.catalog.internal.TicketTypeDetails;
import io.usher.catalog.internal.TicketTypeManagement;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.identity.Role;
import io.usher.identity.internal.Organization;
import io.usher.identity.internal.OrganizationManagement;
import io.usher.identity.internal.Registration;
import io.usher.support.Accounts;

/**
 * Catalog with only the modules it depends on (inventory, identity, audit, platform): what it tells the rest
 * of the system when events are published, postponed and cancelled, and what other modules can read.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class CatalogModuleTests {

    @Autowired
    EventManagement events;

    @Autowired
    EventLifecycle lifecycle;

    @Autowired
    TicketTypeManagement ticketTypes;

    @Autowired
    Catalog catalog;

    @Autowired
    Registration registration;

    @Autowired
    OrganizationManagement organizations;

    CurrentUser organizer;
    OrganizationId organization;

    @BeforeEach
    void organizer() {
        var email = Accounts.uniqueEmail("module-organizer");
        var user = registration.create(email, Accounts.PASSWORD, "Module Organizer", Set.of(Role.ORGANIZER), true);
        organizer = new CurrentUser(user.userId(), email, Set.of(Role.ORGANIZER, Role.CUSTOMER), UUID.randomUUID());
        organization = new OrganizationId(organizations.create(organizer, "Module Org " + UUID.randomUUID(),
                Organization.Kind.ORGANIZER).id());
    }

    @Test
    void announcesAPublishedEvent(Scenario scenario) {
        var id = draftWithTicketType("Announced");

        scenario.stimulate(() -> lifecycle.publish(organizer, id))
                .andWaitForEventOfType(EventPublished.class)
                .matching(event -> event.event().equals(id))
                .toArriveAndVerify(event -> {
                    assertThat(event.organization()).isEqualTo(organization);
                    assertThat(event.startsAt()).isEqualTo(java.time.Instant.parse("2031-05-01T18:00:00Z"));
                });
    }

    @Test
    void announcesPostponementsAndCancellations(Scenario scenario) {
        var id = draftWithTicketType("Moved, then off");
        lifecycle.publish(organizer, id);

        scenario.stimulate(() -> lifecycle.postpone(organizer, id, LocalDateTime.parse("2031-09-01T20:00"),
                        LocalDateTime.parse("2031-09-01T22:00")))
                .andWaitForEventOfType(EventPostponed.class)
                .matching(event -> event.event().equals(id))
                .toArriveAndVerify(event -> {
                    assertThat(event.previousStartsAt()).isEqualTo(java.time.Instant.parse("2031-05-01T18:00:00Z"));
                    assertThat(event.startsAt()).isEqualTo(java.time.Instant.parse("2031-09-01T18:00:00Z"));
                });
        scenario.stimulate(() -> lifecycle.cancel(organizer, id))
                .andWaitForEventOfType(EventCancelled.class)
                .matching(event -> event.event().equals(id))
                .toArrive();
    }

    @Test
    void showsOtherModulesEventsButNotDrafts() {
        var id = draftWithTicketType("For the order module");

        assertThat(catalog.event(id)).isEmpty();
        lifecycle.publish(organizer, id);

        var event = catalog.event(id).orElseThrow();
        assertThat(event.status()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(event.timezone()).isEqualTo("Europe/Berlin");
        assertThat(event.ticketTypes()).singleElement().satisfies(offer -> {
            assertThat(offer.price().minor()).isEqualTo(4200);
            assertThat(offer.price().currency().getCurrencyCode()).isEqualTo("EUR");
        });
    }

    private EventId draftWithTicketType(String title) {
        var event = events.create(organizer, organization, new EventDetails(title, "", EventCategory.CONCERT, null,
                "Harbour Hall", "Europe/Berlin", LocalDateTime.parse("2031-05-01T20:00"),
                LocalDateTime.parse("2031-05-01T23:00"), null, null, null, null, null));
        ticketTypes.create(organizer, event.id(), new TicketTypeDetails("Entry", 4200L, "EUR", 100, null, null, null,
                null, null, null));
        return event.id();
    }
}
