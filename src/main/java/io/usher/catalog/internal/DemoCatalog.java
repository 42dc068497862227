package io.usher.catalog.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.catalog.EventCategory;
import io.usher.common.EventId;
import io.usher.identity.Organizations;
import io.usher.platform.database.ConditionalOnEmbeddedDatabase;

/**
 * On the embedded database, after identity's demo accounts: a venue with a seating plan and a published
 * concert next month for "Usher Demo Productions", once (only while that organization has no events).
 * Skipped when demo accounts are off ({@code usher.identity.demo-accounts=false}, as in tests).
 */
@Component
@ConditionalOnEmbeddedDatabase
@Order(10)
class DemoCatalog implements ApplicationRunner {

    static final String ORGANIZATION = "Usher Demo Productions";

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String DESCRIPTION = """
            An evening of **live music** to try Usher with: pick a seat in section A or B, or stand in front of the
            stage.

            - Doors open at 19:00
            - Support act at 19:30
            """;

    private final Organizations organizations;
    private final VenueManagement venues;
    private final EventManagement events;
    private final TicketTypeManagement ticketTypes;
    private final EventLifecycle lifecycle;
    private final EventQueries queries;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final Clock clock;

    DemoCatalog(Organizations organizations, VenueManagement venues, EventManagement events,
            TicketTypeManagement ticketTypes, EventLifecycle lifecycle, EventQueries queries, TransactionTemplate tx,
            Environment environment, Clock clock) {
        this.organizations = organizations;
        this.venues = venues;
        this.events = events;
        this.ticketTypes = ticketTypes;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.tx = tx;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.getProperty("usher.identity.demo-accounts", Boolean.class, true)) {
            seed(ORGANIZATION).ifPresent(id -> log.info("Demo event published (embedded database only): /api/v1/events/{}", id));
        }
    }

    /** Seeds the organization's demo event unless it has events already; returns the new event. */
    Optional<EventId> seed(String organizationName) {
        return tx.execute(status -> {
            var organization = organizations.findByName(organizationName);
            if (organization.isEmpty()
                    || queries.organized(Permissions.SYSTEM, organization.get(), null, 0, 1).total() > 0) {
                return Optional.<EventId>empty();
            }
            var actor = Permissions.SYSTEM;
            var layout = venues.create(actor, organization.get(),
                    new VenueDetails("Usher Demo Arena", "Hafenstraße 1, 20457 Hamburg", ZONE.getId(), 1500),
                    new PlanDescription(List.of(
                            new PlanDescription.SectionDescription("A", new PlanDescription.RowRange("1", "10"), 20,
                                    List.of(1, 2)),
                            new PlanDescription.SectionDescription("B", new PlanDescription.RowRange("1", "5"), 16,
                                    List.of()))));
            var day = clock.instant().atZone(ZONE).toLocalDate().plusMonths(1);
            var event = events.create(actor, organization.get(), new EventDetails("Usher Demo Night",
                    DESCRIPTION, EventCategory.CONCERT, layout.venue().id().value(), null, null, day.atTime(20, 0),
                    day.atTime(23, 0), null, null, null, null, 7));
            ticketTypes.create(actor, event.id(), new TicketTypeDetails("Standing", 4_500L, "EUR", 1_000, null, null,
                    null, null, null, null));
            ticketTypes.create(actor, event.id(), new TicketTypeDetails("Reserved seat", 7_500L, "EUR", null,
                    layout.plan().sections().stream().map(SeatingPlan.Section::id).toList(), null, null, null, null, null));
            lifecycle.publish(actor, event.id());
            return Optional.of(event.id());
        });
    }
}
