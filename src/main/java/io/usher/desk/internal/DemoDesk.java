package io.usher.desk.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.usher.identity.CurrentUser;
import io.usher.identity.Organizations;
import io.usher.identity.Role;
import io.usher.identity.UserDirectory;
import io.usher.platform.database.ConditionalOnEmbeddedDatabase;

/**
 * On the embedded database, after identity's demo accounts: a help desk to try, once (only while the desk has no
 * queue). "Usher Support" gets an office-hours calendar, a queue worked by the demo agent and managed by the demo
 * manager, and categories a ticket buyer would pick, one with a custom field. Skipped when demo accounts are off.
 */
@Component
@ConditionalOnEmbeddedDatabase
@Order(20)
class DemoDesk implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDesk.class);
    static final String ORGANIZATION = "Usher Support";
    static final String QUEUE = "Box office support";

    private final Organizations organizations;
    private final UserDirectory users;
    private final Calendars calendars;
    private final Queues queues;
    private final Categories categories;
    private final Environment environment;

    DemoDesk(Organizations organizations, UserDirectory users, Calendars calendars, Queues queues,
            Categories categories, Environment environment) {
        this.organizations = organizations;
        this.users = users;
        this.calendars = calendars;
        this.queues = queues;
        this.categories = categories;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.getProperty("usher.identity.demo-accounts", Boolean.class, true)
                && seed(ORGANIZATION, "admin@usher.local", "manager@usher.local", "agent@usher.local")) {
            log.info("Demo help desk created (embedded database only): queue \"{}\" of {}", QUEUE, ORGANIZATION);
        }
    }

    /**
     * Creates the demo desk of the organization, worked by these accounts, unless its queue exists or one of them
     * is missing; true when created.
     */
    boolean seed(String organizationName, String adminEmail, String managerEmail, String agentEmail) {
        var support = organizations.findByName(organizationName);
        var admin = users.findByEmail(adminEmail);
        var manager = users.findByEmail(managerEmail);
        var agent = users.findByEmail(agentEmail);
        if (support.isEmpty() || admin.isEmpty() || manager.isEmpty() || agent.isEmpty() || queues.list().stream()
                .anyMatch(q -> q.organizationId().equals(support.get().value()) && q.name().equals(QUEUE))) {
            return false;
        }
        var actor = new CurrentUser(admin.get().id(), admin.get().email(), Set.of(Role.ADMIN), new UUID(0, 0));
        var weekdays = List.of("09:00-17:00");
        var calendar = calendars.create(actor, new CalendarDetails("Support office hours", "Europe/Berlin", false,
                Map.of("MON", weekdays, "TUE", weekdays, "WED", weekdays, "THU", weekdays, "FRI", weekdays),
                List.of(new CalendarDetails.HolidayDetails(java.time.LocalDate.of(2026, 12, 25), "Christmas Day"),
                        new CalendarDetails.HolidayDetails(java.time.LocalDate.of(2026, 12, 26), "Boxing Day"))));
        var queue = queues.create(actor, new QueueDetails(support.get().value(), QUEUE,
                calendar.id(), List.of(manager.get().id().value()),
                List.of(agent.get().id().value(), manager.get().id().value()), "ROUND_ROBIN", 72, false));
        categories.create(actor, new CategoryDetails("Tickets and orders", null, queue.id(), List.of(
                new CategoryDetails.FieldDetails("order_number", "Order number", "TEXT", false, null),
                new CategoryDetails.FieldDetails("topic", "Topic", "SELECT", true,
                        List.of("Payment", "Delivery of tickets", "Change the holder", "Refund")))));
        categories.create(actor, new CategoryDetails("Accessibility and venue", null, queue.id(), List.of()));
        return true;
    }
}
