package io.usher.desk.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.desk.OpeningInterval;
import io.usher.desk.internal.CalendarDetails;
import io.usher.desk.internal.Calendars;
import io.usher.desk.internal.StoredCalendar;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/v1/desk/admin/calendars")
@Validated
@Tag(name = "Desk administration: calendars", description = "Business calendars (opening hours, timezone, holidays) "
        + "that SLA due times count by; ADMIN only")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 403, codes = "identity.forbidden")
class CalendarsAdminApi {

    private final Calendars calendars;

    CalendarsAdminApi(Calendars calendars) {
        this.calendars = calendars;
    }

    record CalendarView(UUID id, String name, String timezone, boolean alwaysOpen, Map<DayOfWeek, List<String>> hours,
            List<HolidayView> holidays, String description) {

        static CalendarView of(StoredCalendar stored) {
            var calendar = stored.calendar();
            var hours = new LinkedHashMap<DayOfWeek, List<String>>();
            calendar.week().forEach((day, intervals) -> {
                if (!intervals.isEmpty()) {
                    hours.put(day, intervals.stream().map(OpeningInterval::toString)
                            .map(text -> text.replace('–', '-')).toList());
                }
            });
            return new CalendarView(stored.id(), calendar.name(), calendar.zone().getId(),
                    hours.size() == 7 && hours.values().stream().allMatch(List.of("00:00-24:00")::equals), hours,
                    calendar.holidays().stream().map(h -> new HolidayView(h.date(), h.name())).toList(),
                    calendar.describe());
        }
    }

    record HolidayView(LocalDate date, String name) {
    }

    record ImportView(int imported, int skipped, CalendarView calendar) {
    }

    record DueView(UUID calendarId, Instant start, long minutes, Instant due) {
    }

    @GetMapping
    @Operation(summary = "All calendars")
    List<CalendarView> list() {
        return calendars.list().stream().map(CalendarView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create a calendar: {name, timezone, hours: {MONDAY: [\"09:00-17:00\"]}, holidays: "
            + "[{date, name}]} or {name, timezone, alwaysOpen: true}")
    @ApiProblem(status = 400, codes = "desk.invalid_calendar")
    @ApiProblem(status = 409, codes = "desk.name_taken")
    ResponseEntity<CalendarView> create(@RequestBody CalendarDetails body) {
        var created = calendars.create(CurrentUser.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/desk/admin/calendars/" + created.id()))
                .body(CalendarView.of(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A calendar")
    @ApiProblem(status = 404, codes = "desk.calendar_not_found")
    CalendarView get(@PathVariable UUID id) {
        return CalendarView.of(calendars.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a calendar's name, timezone, hours and holidays")
    @ApiProblem(status = 400, codes = "desk.invalid_calendar")
    @ApiProblem(status = 404, codes = "desk.calendar_not_found")
    @ApiProblem(status = 409, codes = "desk.name_taken")
    CalendarView replace(@PathVariable UUID id, @RequestBody CalendarDetails body) {
        return CalendarView.of(calendars.update(CurrentUser.require(), id, body));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a calendar no queue works by")
    @ApiProblem(status = 404, codes = "desk.calendar_not_found")
    @ApiProblem(status = 409, codes = "desk.calendar_in_use")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        calendars.delete(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/holidays/ical", consumes = {"text/calendar", "text/plain"})
    @Operation(summary = "Import holidays from an iCalendar file: each all-day VEVENT (DTSTART;VALUE=DATE) becomes a "
            + "holiday; dates already present keep their name")
    @ApiProblem(status = 400, codes = "desk.invalid_calendar")
    @ApiProblem(status = 404, codes = "desk.calendar_not_found")
    ImportView importHolidays(@PathVariable UUID id, @RequestBody String ical) {
        var result = calendars.importHolidays(CurrentUser.require(), id, ical);
        return new ImportView(result.imported(), result.skipped(), CalendarView.of(result.calendar()));
    }

    @GetMapping("/{id}/due")
    @Operation(summary = "Try a calendar out: when are this many business minutes from this instant over?")
    @ApiProblem(status = 400, codes = {"desk.invalid_calendar", "request.validation_failed"})
    @ApiProblem(status = 404, codes = "desk.calendar_not_found")
    DueView due(@PathVariable UUID id, @RequestParam Instant start,
            @RequestParam @Min(0) @Max(io.usher.desk.SlaPolicy.MAX_MINUTES) long minutes) {
        return new DueView(id, start, minutes, calendars.due(id, start, minutes));
    }
}
