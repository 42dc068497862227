package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Role;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;
import tools.jackson.databind.JsonNode;

class DeskAdminIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Person admin;

    @BeforeEach
    void admin() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
    }

    static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    @Test
    void anAdministratorCreatesACalendarWithHoursAndHolidays() {
        var name = "Support EU " + UUID.randomUUID();
        var created = api.as(admin.token()).post("/api/v1/desk/admin/calendars", Map.of(
                "name", name, "timezone", "Europe/Berlin",
                "hours", Map.of("MONDAY", List.of("09:00-12:00", "13:00-17:00"), "fri", List.of("09:00-15:00")),
                "holidays", List.of(Map.of("date", "2026-12-25", "name", "Christmas Day"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/desk/admin/calendars/" + created.get("id"));
        var json = created.json();
        assertThat(json.get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(json.get("alwaysOpen").asBoolean()).isFalse();
        assertThat(json.get("hours").get("MONDAY").get(1).asString()).isEqualTo("13:00-17:00");
        assertThat(json.get("hours").get("FRIDAY").get(0).asString()).isEqualTo("09:00-15:00");
        assertThat(json.get("hours").has("TUESDAY")).isFalse();
        assertThat(json.get("holidays").get(0).get("date").asString()).isEqualTo("2026-12-25");
        assertThat(json.get("description").asString())
                .isEqualTo("'" + name + "' Mon 09:00–12:00, 13:00–17:00; Fri 09:00–15:00 Europe/Berlin");

        var read = api.as(admin.token()).get("/api/v1/desk/admin/calendars/" + created.get("id"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(json);
        assertThat(api.as(admin.token()).get("/api/v1/desk/admin/calendars").json().valueStream()
                .map(c -> c.get("id").asString())).contains(created.get("id"));
    }

    @Test
    void aRoundTheClockCalendarIsACalendarToo() {
        var created = api.as(admin.token()).post("/api/v1/desk/admin/calendars",
                Map.of("name", "24/7 " + UUID.randomUUID(), "timezone", "UTC", "alwaysOpen", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("alwaysOpen").asBoolean()).isTrue();
        var due = api.as(admin.token()).get("/api/v1/desk/admin/calendars/" + created.get("id")
                + "/due?start=2026-11-28T23:00:00Z&minutes=120");
        assertThat(due.get("due")).isEqualTo("2026-11-29T01:00:00Z");
    }

    @Test
    void aCalendarComputesDueTimesAcrossADaylightSavingWeekend() {
        var calendar = desk.officeHours(admin, "America/New_York");
        var due = api.as(admin.token()).get("/api/v1/desk/admin/calendars/" + calendar
                + "/due?start=2026-03-06T21:00:00Z&minutes=120");
        assertThat(due.status()).as(due.toString()).isEqualTo(200);
        assertThat(due.get("due")).isEqualTo("2026-03-09T14:00:00Z");
    }

    @Test
    void refusesAnInvalidCalendarNamingEachField() {
        var body = new HashMap<String, Object>();
        body.put("name", " ");
        body.put("timezone", "Mars/Olympus_Mons");
        body.put("hours", Map.of("MONDAY", List.of("17:00-09:00"), "FUNDAY", List.of("09:00-10:00"),
                "TUESDAY", List.of("09:00-12:00", "11:00-13:00")));
        body.put("holidays", List.of(Map.of("date", "2026-12-25"), Map.of("date", "2026-12-25")));
        var refused = api.as(admin.token()).post("/api/v1/desk/admin/calendars", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("desk.invalid_calendar");
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("name", "timezone", "hours.MONDAY[0]",
                "hours.FUNDAY", "hours.TUESDAY[1]", "holidays[1].date");

        var never = api.as(admin.token()).post("/api/v1/desk/admin/calendars",
                Map.of("name", "Never", "timezone", "UTC", "hours", Map.of("MON", List.of())));
        assertThat(never.status()).isEqualTo(400);
        assertThat(fields(never.json())).containsExactly("hours");
    }

    @Test
    void calendarNamesAreUniqueInAnyLetterCase() {
        var name = "Unique " + UUID.randomUUID();
        var body = Map.of("name", name, "timezone", "UTC", "alwaysOpen", true);
        assertThat(api.as(admin.token()).post("/api/v1/desk/admin/calendars", body).status()).isEqualTo(201);
        var again = api.as(admin.token()).post("/api/v1/desk/admin/calendars",
                Map.of("name", name.toUpperCase(), "timezone", "UTC", "alwaysOpen", true));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("desk.name_taken");
    }

    @Test
    void replacesACalendarWholesale() {
        var calendar = desk.officeHours(admin, "Europe/Berlin");
        var replaced = api.as(admin.token()).put("/api/v1/desk/admin/calendars/" + calendar, Map.of(
                "name", "Renamed " + UUID.randomUUID(), "timezone", "Asia/Tokyo", "hours", Map.of("SAT", List.of("10:00-14:00"))));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("hours").propertyNames()).containsExactly("SATURDAY");
        assertThat(replaced.get("timezone")).isEqualTo("Asia/Tokyo");
        var missing = api.as(admin.token()).put("/api/v1/desk/admin/calendars/" + UUID.randomUUID(),
                Map.of("name", "Nobody", "timezone", "UTC", "alwaysOpen", true));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("desk.calendar_not_found");
    }

    @Test
    void importsHolidaysFromICalendar() {
        var calendar = desk.officeHours(admin, "Europe/Berlin");
        var ical = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                BEGIN:VEVENT\r
                DTSTART;VALUE=DATE:20261225\r
                DTEND;VALUE=DATE:20261227\r
                SUMMARY:Christmas\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                DTSTART:20261224T120000Z\r
                SUMMARY:Party\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;
        var imported = api.as(admin.token()).postRaw("/api/v1/desk/admin/calendars/" + calendar + "/holidays/ical",
                ical, "text/calendar");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        assertThat(imported.json().get("skipped").asInt()).isEqualTo(1);
        assertThat(imported.json().get("calendar").get("holidays").valueStream().map(h -> h.get("date").asString()))
                .containsExactly("2026-12-25", "2026-12-26");

        var again = api.as(admin.token()).postRaw("/api/v1/desk/admin/calendars/" + calendar + "/holidays/ical",
                ical, "text/calendar");
        assertThat(again.json().get("imported").asInt()).isZero();

        // Thursday 2026-12-24 16:00 + 120: one hour on Thursday, Friday and Saturday are holidays, then Monday.
        var due = api.as(admin.token()).get("/api/v1/desk/admin/calendars/" + calendar
                + "/due?start=2026-12-24T15:00:00Z&minutes=120");
        assertThat(due.get("due")).isEqualTo("2026-12-28T09:00:00Z");

        var broken = api.as(admin.token()).postRaw("/api/v1/desk/admin/calendars/" + calendar + "/holidays/ical",
                "not a calendar", "text/calendar");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.code()).isEqualTo("desk.invalid_calendar");
        assertThat(fields(broken.json())).containsExactly("ical");
    }

    @Test
    void createsAQueueOfATeamWithDefaults() {
        var team = desk.team();
        var calendar = desk.officeHours(admin, "Europe/Berlin");
        var created = api.as(admin.token()).post("/api/v1/desk/admin/queues", Map.of(
                "organizationId", team.organizationId(), "name", "Billing", "calendarId", calendar,
                "managers", List.of(team.manager().id()), "agents", List.of(team.agent().id(), team.manager().id())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var json = created.json();
        assertThat(json.get("assignmentMode").asString()).isEqualTo("ROUND_ROBIN");
        assertThat(json.get("autoCloseHours").asInt()).isEqualTo(72);
        assertThat(json.get("managers").valueStream().map(JsonNode::asString)).containsExactly(team.manager().id());
        assertThat(json.get("agents").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(team.agent().id(), team.manager().id());

        var sameName = api.as(admin.token()).post("/api/v1/desk/admin/queues", Map.of(
                "organizationId", team.organizationId(), "name", "billing", "calendarId", calendar));
        assertThat(sameName.status()).isEqualTo(409);

        var changed = api.as(admin.token()).put("/api/v1/desk/admin/queues/" + created.get("id"), Map.of(
                "name", "Billing", "calendarId", calendar, "assignmentMode", "LEAST_LOADED", "autoCloseHours", 24,
                "agents", List.of(team.agent().id())));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("assignmentMode").asString()).isEqualTo("LEAST_LOADED");
        assertThat(changed.json().get("managers")).isEmpty();
        assertThat(api.as(admin.token()).get("/api/v1/desk/admin/queues/" + created.get("id")).json()).isEqualTo(changed.json());
    }

    @Test
    void refusesAnInvalidQueueNamingEachField() {
        var team = desk.team();
        var outsider = desk.person("outsider", Role.AGENT);
        var refused = api.as(admin.token()).post("/api/v1/desk/admin/queues", Map.of(
                "organizationId", team.organizationId(), "name", "", "calendarId", UUID.randomUUID(),
                "agents", List.of(team.agent().id(), outsider.id(), team.agent().id()),
                "assignmentMode", "RANDOM", "autoCloseHours", 0));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("desk.invalid_queue");
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("name", "calendarId", "agents[1]", "agents[2]",
                "assignmentMode", "autoCloseHours");

        var noOrganization = api.as(admin.token()).post("/api/v1/desk/admin/queues", Map.of(
                "organizationId", UUID.randomUUID(), "name", "Ghost", "calendarId", desk.officeHours(admin, "UTC")));
        assertThat(fields(noOrganization.json())).containsExactly("organizationId");
    }

    @Test
    void aCalendarAQueueWorksByCannotBeDeleted() {
        var team = desk.team();
        var calendar = desk.officeHours(admin, "Europe/Berlin");
        desk.queue(admin, team, calendar);
        var refused = api.as(admin.token()).delete("/api/v1/desk/admin/calendars/" + calendar);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("desk.calendar_in_use");

        var unused = desk.officeHours(admin, "Europe/Berlin");
        assertThat(api.as(admin.token()).delete("/api/v1/desk/admin/calendars/" + unused).status()).isEqualTo(204);
        assertThat(api.as(admin.token()).get("/api/v1/desk/admin/calendars/" + unused).status()).isEqualTo(404);
    }

    @Test
    void createsCategoriesAndSubcategoriesWithCustomFields() {
        var team = desk.team();
        var queue = desk.queue(admin, team, desk.officeHours(admin, "Europe/Berlin"));
        var category = api.as(admin.token()).post("/api/v1/desk/admin/categories", Map.of(
                "name", "Billing " + UUID.randomUUID(), "defaultQueueId", queue,
                "fields", List.of(
                        Map.of("key", "invoice_number", "label", "Invoice number", "type", "TEXT", "required", true),
                        Map.of("key", "channel", "label", "Channel", "type", "SELECT", "options", List.of("Web", "Phone")))));
        assertThat(category.status()).as(category.toString()).isEqualTo(201);
        assertThat(category.json().get("fields").get(1).get("options").valueStream().map(JsonNode::asString))
                .containsExactly("Web", "Phone");
        assertThat(category.json().get("fields").get(0).get("required").asBoolean()).isTrue();

        var sub = api.as(admin.token()).post("/api/v1/desk/admin/categories", Map.of(
                "name", "Refunds", "parentId", category.get("id"),
                "fields", List.of(Map.of("key", "amount", "label", "Amount", "type", "NUMBER"))));
        assertThat(sub.status()).as(sub.toString()).isEqualTo(201);
        assertThat(sub.get("parentId")).isEqualTo(category.get("id"));
        assertThat(sub.json().has("defaultQueueId")).isFalse();

        var subSub = api.as(admin.token()).post("/api/v1/desk/admin/categories",
                Map.of("name", "Too deep", "parentId", sub.get("id")));
        assertThat(subSub.status()).isEqualTo(400);
        assertThat(fields(subSub.json())).containsExactly("parentId");

        var listed = api.as(admin.token()).get("/api/v1/desk/admin/categories").json().valueStream()
                .map(c -> c.get("id").asString()).toList();
        assertThat(listed.indexOf(sub.get("id"))).isEqualTo(listed.indexOf(category.get("id")) + 1);

        var renamed = api.as(admin.token()).put("/api/v1/desk/admin/categories/" + sub.get("id"),
                Map.of("name", "Refund requests", "fields", List.of()));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("fields")).isEmpty();
        assertThat(renamed.get("parentId")).isEqualTo(category.get("id"));
    }

    @Test
    void refusesInvalidCategoriesAndFieldDefinitions() {
        var refused = api.as(admin.token()).post("/api/v1/desk/admin/categories", Map.of(
                "name", "No queue",
                "fields", List.of(
                        Map.of("key", "Bad Key", "label", "x", "type", "TEXT"),
                        Map.of("key", "pick", "label", "Pick", "type", "SELECT"),
                        Map.of("key", "pick", "label", "", "type", "COLOR"),
                        Map.of("key", "flag", "label", "Flag", "type", "BOOLEAN", "options", List.of("yes")))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("desk.invalid_category");
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("defaultQueueId", "fields[0].key",
                "fields[1].options", "fields[2].key", "fields[2].label", "fields[2].type", "fields[3].options");
    }

    @Test
    void slaPoliciesStartFromTheDefaultsAndCanBeSetPerPriorityAndCategory() {
        var initial = api.as(admin.token()).get("/api/v1/desk/admin/sla-policies");
        assertThat(initial.status()).isEqualTo(200);
        var low = initial.json().get("general").valueStream()
                .filter(p -> p.get("priority").asString().equals("LOW")).findFirst().orElseThrow();
        assertThat(low.get("firstResponseMinutes").asLong()).isEqualTo(1440);
        assertThat(low.get("resolutionMinutes").asLong()).isEqualTo(2400);

        var team = desk.team();
        var category = desk.category(admin, desk.queue(admin, team, desk.officeHours(admin, "UTC")));
        var set = api.as(admin.token()).put("/api/v1/desk/admin/sla-policies", Map.of(
                "priority", "LOW", "categoryId", category, "firstResponseMinutes", 60, "resolutionMinutes", 600));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        var again = api.as(admin.token()).put("/api/v1/desk/admin/sla-policies", Map.of(
                "priority", "LOW", "categoryId", category, "firstResponseMinutes", 90, "resolutionMinutes", 600));
        assertThat(again.get("id")).isEqualTo(set.get("id"));
        var configured = api.as(admin.token()).get("/api/v1/desk/admin/sla-policies").json().get("configured");
        assertThat(configured.valueStream().filter(p -> p.get("id").asString().equals(set.get("id"))).findFirst()
                .orElseThrow().get("firstResponseMinutes").asLong()).isEqualTo(90);

        var invalid = api.as(admin.token()).put("/api/v1/desk/admin/sla-policies", Map.of(
                "priority", "URGENT", "categoryId", UUID.randomUUID(), "firstResponseMinutes", 0, "resolutionMinutes", 10));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("desk.invalid_sla_policy");
        assertThat(fields(invalid.json())).containsExactlyInAnyOrder("priority", "categoryId", "firstResponseMinutes");
        var longerFirst = api.as(admin.token()).put("/api/v1/desk/admin/sla-policies", Map.of(
                "priority", "LOW", "firstResponseMinutes", 100, "resolutionMinutes", 10));
        assertThat(fields(longerFirst.json())).containsExactly("firstResponseMinutes");

        assertThat(api.as(admin.token()).delete("/api/v1/desk/admin/sla-policies/" + set.get("id")).status()).isEqualTo(204);
        assertThat(api.as(admin.token()).delete("/api/v1/desk/admin/sla-policies/" + set.get("id")).code())
                .isEqualTo("desk.sla_policy_not_found");
    }

    @Test
    void onlyAdministratorsReachTheDeskAdministration() {
        var agent = desk.person("agent", Role.AGENT, Role.MANAGER);
        for (var path : List.of("/api/v1/desk/admin/calendars", "/api/v1/desk/admin/queues",
                "/api/v1/desk/admin/categories", "/api/v1/desk/admin/sla-policies")) {
            var forbidden = api.as(agent.token()).get(path);
            assertThat(forbidden.status()).as(path).isEqualTo(403);
            assertThat(forbidden.code()).isEqualTo("identity.forbidden");
            assertThat(api.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(api.as(agent.token()).post("/api/v1/desk/admin/calendars",
                Map.of("name", "Sneaky", "timezone", "UTC", "alwaysOpen", true)).status()).isEqualTo(403);
    }

    @Test
    void changesAreAudited() {
        var calendar = desk.officeHours(admin, "UTC");
        var entries = api.as(admin.token()).get("/api/v1/admin/audit?action=DESK_CALENDAR_CREATED&actor=" + admin.id());
        assertThat(entries.json().valueStream().map(e -> e.get("subject").asString())).contains(calendar);
    }
}
