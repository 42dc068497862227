package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Role;
import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;
import tools.jackson.databind.JsonNode;

/** The desk administration pages: forms that work without scripts, with CSRF, field errors, and ADMIN only. */
class DeskAdminPagesIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Person admin;
    PageClient pages;

    @BeforeEach
    void signIn() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
        pages = signedIn(admin.email());
    }

    PageClient signedIn(String email) {
        var client = new PageClient("http://localhost:" + port);
        client.get("/login");
        var response = client.post("/login", Map.of("email", email, "password", Accounts.PASSWORD));
        assertThat(response.location()).as(response.toString()).isNotNull().doesNotContain("error");
        return client;
    }

    static String idOf(String location, String prefix) {
        var matcher = Pattern.compile(prefix + "/([0-9a-f-]{36})").matcher(location);
        assertThat(matcher.find()).as(location).isTrue();
        return matcher.group(1);
    }

    String createCalendar(String name) {
        pages.get("/desk/admin/calendars/new");
        var created = pages.post("/desk/admin/calendars", Map.of("name", name, "timezone", "Europe/Berlin",
                "mon", "09:00-12:00, 13:00-17:00", "tue", "09:00-17:00", "wed", "", "thu", "", "fri", "09:00-17:00",
                "sat", "", "sun", "", "holidays", "2026-12-25 Christmas Day\n2026-12-26"));
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        return idOf(created.location(), "/desk/admin/calendars");
    }

    @Test
    void createsACalendarWithHoursAndHolidaysAndShowsFieldErrors() {
        var name = "Berlin office " + UUID.randomUUID();
        var id = createCalendar(name);

        var stored = api.as(admin.token()).get("/api/v1/desk/admin/calendars/" + id).json();
        assertThat(stored.get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(stored.get("holidays").valueStream().map(h -> h.get("date").asString()))
                .containsExactly("2026-12-25", "2026-12-26");
        var page = pages.get("/desk/admin/calendars/" + id + "?notice=desk-calendar-saved");
        assertThat(page.body()).contains("The calendar is saved.").contains("value=\"09:00-12:00, 13:00-17:00\"")
                .contains("2026-12-25 Christmas Day");

        var invalid = pages.post("/desk/admin/calendars", Map.of("name", "", "timezone", "Mars/Olympus",
                "mon", "17:00-09:00"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("Not saved").contains("id=\"name-error\"")
                .contains("id=\"timezone-error\"").contains("id=\"mon-error\"").contains("aria-invalid=\"true\"");
        var badHoliday = pages.post("/desk/admin/calendars", Map.of("name", "Holidays " + UUID.randomUUID(),
                "timezone", "UTC", "mon", "09:00-17:00", "holidays", "Christmas"));
        assertThat(badHoliday.status()).isEqualTo(400);
        assertThat(badHoliday.body()).contains("id=\"holidays-error\"").contains("Line 1 does not start with a date");

        var ical = """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:1@test
                DTSTART;VALUE=DATE:20270101
                SUMMARY:New Year
                END:VEVENT
                END:VCALENDAR
                """.replace("\n", "\r\n");
        pages.get("/desk/admin/calendars/" + id);
        var imported = pages.post("/desk/admin/calendars/" + id + "/holidays", Map.of("ical", ical));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(302);
        assertThat(api.as(admin.token()).get("/api/v1/desk/admin/calendars/" + id).json().get("holidays")
                .valueStream().map(h -> h.get("name").asString())).contains("New Year");
    }

    @Test
    void createsAQueueNamingItsPeopleByEmail() {
        var team = desk.team();
        var org = api.as(admin.token()).get("/api/v1/organizations/" + team.organizationId());
        var organizationName = org.get("name");
        var calendar = createCalendar("Queue calendar " + UUID.randomUUID());
        pages.get("/desk/admin/queues/new");
        var name = "Billing " + UUID.randomUUID();
        var created = pages.post("/desk/admin/queues", Map.of("organization", organizationName, "name", name,
                "calendarId", calendar, "managers", team.manager().email(), "agents",
                team.agent().email() + "\n" + team.manager().email(), "assignmentMode", "LEAST_LOADED",
                "autoCloseHours", "48", "reassignOnBreach", "true"));
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        var id = idOf(created.location(), "/desk/admin/queues");

        var queue = api.as(admin.token()).get("/api/v1/desk/admin/queues/" + id).json();
        assertThat(queue.get("name").asString()).isEqualTo(name);
        assertThat(queue.get("assignmentMode").asString()).isEqualTo("LEAST_LOADED");
        assertThat(queue.get("autoCloseHours").asInt()).isEqualTo(48);
        assertThat(queue.get("reassignOnBreach").asBoolean()).isTrue();
        assertThat(ids(queue.get("agents"))).containsExactlyInAnyOrder(team.agent().id(), team.manager().id());
        assertThat(ids(queue.get("managers"))).containsExactly(team.manager().id());
        assertThat(pages.get("/desk/admin/queues/" + id).body()).contains(team.agent().email());

        var outsider = desk.person("outsider", Role.AGENT);
        var refused = pages.post("/desk/admin/queues", Map.of("organization", organizationName, "name", "Other",
                "calendarId", calendar, "agents", outsider.email() + "\nnobody-" + UUID.randomUUID() + "@example.test",
                "assignmentMode", "ROUND_ROBIN", "autoCloseHours", "72"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"agents-error\"").contains("Nobody has the e-mail address nobody-");
    }

    @Test
    void createsACategoryWithCustomFieldsAndPointsAtTheWrongRow() {
        var team = desk.team();
        var queue = desk.queue(admin, team, desk.roundTheClock(admin));
        pages.get("/desk/admin/categories/new");
        var name = "Refunds " + UUID.randomUUID();
        var fields = new ArrayList<Map.Entry<String, String>>(List.of(Map.entry("name", name),
                Map.entry("parentId", ""), Map.entry("defaultQueueId", queue)));
        row(fields, "order_ref", "Order reference", "TEXT", "");
        fields.add(Map.entry("fieldRequired", "0"));
        row(fields, "reason", "Reason", "SELECT", "Too late, Wrong seats");
        row(fields, "", "", "TEXT", "");
        var created = pages.postForm("/desk/admin/categories", fields);
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        var id = idOf(created.location(), "/desk/admin/categories");

        var category = api.as(admin.token()).get("/api/v1/desk/admin/categories/" + id).json();
        var stored = category.get("fields");
        assertThat(stored.size()).isEqualTo(2);
        assertThat(stored.get(0).get("key").asString()).isEqualTo("order_ref");
        assertThat(stored.get(0).get("required").asBoolean()).isTrue();
        assertThat(stored.get(1).get("options").valueStream().map(JsonNode::asString))
                .containsExactly("Too late", "Wrong seats");
        assertThat(pages.get("/desk/admin/categories/" + id).body()).contains("value=\"Too late, Wrong seats\"");

        var invalid = new ArrayList<Map.Entry<String, String>>(List.of(Map.entry("name", "Broken " + UUID.randomUUID()),
                Map.entry("parentId", ""), Map.entry("defaultQueueId", queue)));
        row(invalid, "ok_field", "Fine", "TEXT", "");
        row(invalid, "Bad Key", "Broken", "SELECT", "");
        var refused = pages.postForm("/desk/admin/categories", invalid);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"fieldKey-1-error\"").contains("id=\"fieldOptions-1-error\"")
                .doesNotContain("id=\"fieldKey-0-error\"");
    }

    @Test
    void setsAnSlaPolicyForAPriorityAndForACategory() {
        var queue = desk.queue(admin, desk.team(), desk.roundTheClock(admin));
        var category = desk.category(admin, queue);
        pages.get("/desk/admin/sla-policies");
        var set = pages.post("/desk/admin/sla-policies", Map.of("priority", "LOW", "categoryId", category,
                "firstResponseMinutes", "45", "resolutionMinutes", "300"));
        assertThat(set.status()).as(set.toString()).isEqualTo(302);
        var policies = api.as(admin.token()).get("/api/v1/desk/admin/sla-policies").json();
        assertThat(policies.toString()).contains(category).contains("300");
        assertThat(pages.get("/desk/admin/sla-policies").body()).contains("300 min");

        var invalid = pages.post("/desk/admin/sla-policies", Map.of("priority", "LOW", "categoryId", "",
                "firstResponseMinutes", "500", "resolutionMinutes", "60"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"firstResponseMinutes-error\"");
    }

    @Test
    void onlyAdministratorsReachTheDeskAdministration() {
        var agent = signedIn(desk.person("agent", Role.AGENT, Role.MANAGER).email());
        for (var path : List.of("/desk/admin", "/desk/admin/calendars", "/desk/admin/queues/new",
                "/desk/admin/categories", "/desk/admin/sla-policies")) {
            assertThat(agent.get(path).status()).as(path).isEqualTo(403);
        }
        agent.get("/account");
        assertThat(agent.post("/desk/admin/calendars", Map.of("name", "Sneaky", "timezone", "UTC")).status())
                .isEqualTo(403);
        var anonymous = new PageClient("http://localhost:" + port).get("/desk/admin/queues");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).contains("/login");
        assertThat(pages.get("/desk/admin").status()).isEqualTo(200);
    }

    static void row(List<Map.Entry<String, String>> form, String key, String label, String type, String options) {
        form.add(Map.entry("fieldKey", key));
        form.add(Map.entry("fieldLabel", label));
        form.add(Map.entry("fieldType", type));
        form.add(Map.entry("fieldOptions", options));
    }

    static List<String> ids(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
