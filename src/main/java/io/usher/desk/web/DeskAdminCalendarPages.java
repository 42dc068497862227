package io.usher.desk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.usher.desk.CalendarInUse;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.NameTaken;
import io.usher.desk.OpeningInterval;
import io.usher.desk.internal.CalendarDetails;
import io.usher.desk.internal.Calendars;
import io.usher.desk.internal.StoredCalendar;
import io.usher.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Business calendars in the desk administration (ADMIN, see identity's page security): weekly opening hours as
 * text per day, a timezone, holidays one per line, and an iCalendar import.
 */
@Controller
@RequestMapping("/desk/admin")
class DeskAdminCalendarPages {

    /** The weekdays as the form names them. */
    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final Calendars calendars;

    DeskAdminCalendarPages(Calendars calendars) {
        this.calendars = calendars;
    }

    /**
     * A calendar as the form sends it: per weekday the opening intervals separated by commas (empty: closed), and
     * holidays one per line as {@code 2026-12-25 Christmas Day}.
     */
    record CalendarForm(String name, String timezone, Boolean alwaysOpen, String mon, String tue, String wed,
            String thu, String fri, String sat, String sun, String holidays) {

        String day(String day) {
            return switch (day) {
                case "mon" -> mon;
                case "tue" -> tue;
                case "wed" -> wed;
                case "thu" -> thu;
                case "fri" -> fri;
                case "sat" -> sat;
                default -> sun;
            };
        }

        static CalendarForm blank() {
            return new CalendarForm("", "UTC", false, "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00",
                    "09:00-17:00", "", "", "");
        }

        static CalendarForm of(StoredCalendar stored) {
            var calendar = stored.calendar();
            var always = calendar.week().values().stream().allMatch(day -> day.equals(List.of(OpeningInterval.WHOLE_DAY)));
            var days = new ArrayList<String>();
            for (var day : DayOfWeek.values()) {
                days.add(always ? "" : calendar.week().get(day).stream()
                        .map(i -> i.toString().replace('–', '-')).collect(Collectors.joining(", ")));
            }
            var holidays = calendar.holidays().stream().map(h -> h.date() + " " + h.name())
                    .collect(Collectors.joining("\n"));
            return new CalendarForm(calendar.name(), calendar.zone().getId(), always, days.get(0), days.get(1),
                    days.get(2), days.get(3), days.get(4), days.get(5), days.get(6), holidays);
        }
    }

    @GetMapping
    String index() {
        return "desk/admin/index";
    }

    @GetMapping("/calendars")
    String list(Model model) {
        model.addAttribute("calendars", calendars.list());
        return "desk/admin/calendars";
    }

    @GetMapping("/calendars/new")
    String create(Model model) {
        return form(null, CalendarForm.blank(), new FormErrors(), model);
    }

    @PostMapping("/calendars")
    String create(@ModelAttribute CalendarForm form, Model model, HttpServletResponse response) {
        var errors = new FormErrors();
        var details = details(form, errors);
        if (!errors.any()) {
            try {
                var created = calendars.create(CurrentUser.require(), details);
                return "redirect:/desk/admin/calendars/" + created.id() + "?notice=desk-calendar-saved";
            } catch (InvalidDeskInput e) {
                errors.from(e, DeskAdminCalendarPages::field);
            } catch (NameTaken e) {
                errors.field("name", e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(null, form, errors, model);
    }

    @GetMapping("/calendars/{id}")
    String edit(@PathVariable UUID id, Model model) {
        var calendar = calendars.get(id);
        return form(calendar, CalendarForm.of(calendar), new FormErrors(), model);
    }

    @PostMapping("/calendars/{id}")
    String update(@PathVariable UUID id, @ModelAttribute CalendarForm form, Model model,
            HttpServletResponse response) {
        var calendar = calendars.get(id);
        var errors = new FormErrors();
        var details = details(form, errors);
        if (!errors.any()) {
            try {
                calendars.update(CurrentUser.require(), id, details);
                return "redirect:/desk/admin/calendars/" + id + "?notice=desk-calendar-saved";
            } catch (InvalidDeskInput e) {
                errors.from(e, DeskAdminCalendarPages::field);
            } catch (NameTaken e) {
                errors.field("name", e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(calendar, form, errors, model);
    }

    /** Holidays from an iCalendar file (or its text pasted), added to those the calendar has. */
    @PostMapping("/calendars/{id}/holidays")
    String importHolidays(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String ical, Model model, HttpServletResponse response)
            throws IOException {
        var calendar = calendars.get(id);
        var text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : ical;
        var errors = new FormErrors();
        if (text == null || text.isBlank()) {
            errors.field("ical", "choose an iCalendar (.ics) file or paste its text");
        } else {
            try {
                calendars.importHolidays(CurrentUser.require(), id, text);
                return "redirect:/desk/admin/calendars/" + id + "?notice=desk-holidays-imported";
            } catch (InvalidDeskInput e) {
                errors.from(e, field -> "ical");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(calendar, CalendarForm.of(calendar), errors, model);
    }

    @PostMapping("/calendars/{id}/delete")
    String delete(@PathVariable UUID id) {
        try {
            calendars.delete(CurrentUser.require(), id);
        } catch (CalendarInUse e) {
            return "redirect:/desk/admin/calendars/" + id + "?error=" + e.code();
        }
        return "redirect:/desk/admin/calendars?notice=desk-calendar-deleted";
    }

    private String form(StoredCalendar calendar, CalendarForm form, FormErrors errors, Model model) {
        model.addAttribute("calendar", calendar);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        var days = new ArrayList<Map<String, String>>();
        var labels = Arrays.stream(DayOfWeek.values())
                .map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toList();
        for (int i = 0; i < DAYS.size(); i++) {
            var day = new LinkedHashMap<String, String>();
            day.put("name", DAYS.get(i));
            day.put("label", labels.get(i));
            day.put("value", form.day(DAYS.get(i)));
            days.add(day);
        }
        model.addAttribute("days", days);
        return "desk/admin/calendar-form";
    }

    /** The service's field names on this form: {@code hours.MON[0]} is the Monday field, holidays one text area. */
    static String field(String name) {
        if (name.startsWith("hours.")) {
            var day = name.substring(6, Math.min(name.length(), 9)).toLowerCase(Locale.ROOT);
            return DAYS.contains(day) ? day : "hours";
        }
        if (name.startsWith("holidays")) {
            return "holidays";
        }
        return switch (name) {
            case "name", "timezone", "hours", "ical" -> name;
            default -> null;
        };
    }

    private static CalendarDetails details(CalendarForm form, FormErrors errors) {
        boolean always = Boolean.TRUE.equals(form.alwaysOpen());
        Map<String, List<String>> hours = null;
        if (!always) {
            hours = new LinkedHashMap<>();
            for (var day : DAYS) {
                var text = form.day(day);
                if (text != null && !text.isBlank()) {
                    hours.put(day.toUpperCase(Locale.ROOT), Arrays.stream(text.split(","))
                            .map(String::strip).filter(s -> !s.isEmpty()).toList());
                }
            }
        }
        var holidays = new ArrayList<CalendarDetails.HolidayDetails>();
        var lines = form.holidays() == null ? new String[0] : form.holidays().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            var parts = line.split("\\s+", 2);
            try {
                holidays.add(new CalendarDetails.HolidayDetails(LocalDate.parse(parts[0]),
                        parts.length > 1 ? parts[1] : null));
            } catch (DateTimeParseException e) {
                errors.field("holidays", "line " + (i + 1) + " does not start with a date such as 2026-12-25");
            }
        }
        return new CalendarDetails(form.name(), form.timezone(), always, hours, holidays);
    }
}
