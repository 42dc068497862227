package io.usher.desk.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.usher.desk.AssignmentMode;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.NameTaken;
import io.usher.desk.internal.Calendars;
import io.usher.desk.internal.Queue;
import io.usher.desk.internal.QueueDetails;
import io.usher.desk.internal.Queues;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.identity.Organizations;
import io.usher.identity.UserDirectory;
import io.usher.identity.UserId;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Queues in the desk administration: the organization (by name), the calendar, managers and agents by e-mail, the
 * assignment mode, when resolved tickets close, and whether a breach goes to the least-loaded manager.
 */
@Controller
@RequestMapping("/desk/admin/queues")
class DeskAdminQueuePages {

    private static final Pattern INDEXED = Pattern.compile("(managers|agents)\\[(\\d+)]");

    private final Queues queues;
    private final Calendars calendars;
    private final Organizations organizations;
    private final UserDirectory people;

    DeskAdminQueuePages(Queues queues, Calendars calendars, Organizations organizations, UserDirectory people) {
        this.queues = queues;
        this.calendars = calendars;
        this.organizations = organizations;
        this.people = people;
    }

    /** A queue as the form sends it: managers and agents as e-mail addresses, one per line or comma-separated. */
    record QueueForm(String organization, String name, String calendarId, String managers, String agents,
            String assignmentMode, String autoCloseHours, Boolean reassignOnBreach) {
    }

    /** A queue as the list shows it. */
    record QueueRow(UUID id, String name, String organization, String calendar, String assignmentMode,
            int managers, int agents, int autoCloseHours) {
    }

    @GetMapping
    String list(Model model) {
        var names = calendars.list().stream().collect(Collectors.toMap(c -> c.id(), c -> c.calendar().name()));
        model.addAttribute("queues", queues.list().stream().map(q -> new QueueRow(q.id(), q.name(),
                organizations.name(new OrganizationId(q.organizationId())).orElse("?"), names.get(q.calendarId()),
                q.assignmentMode().name(), q.managers().size(), q.agents().size(), q.autoCloseHours())).toList());
        return "desk/admin/queues";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(null, new QueueForm("", "", "", "", "", AssignmentMode.ROUND_ROBIN.name(), "72", false),
                new FormErrors(), model);
    }

    @PostMapping
    String create(@ModelAttribute QueueForm form, Model model, HttpServletResponse response) {
        var errors = new FormErrors();
        var organization = organization(form.organization(), errors);
        var details = details(form, organization, errors);
        if (!errors.any()) {
            try {
                var created = queues.create(CurrentUser.require(), details);
                return "redirect:/desk/admin/queues/" + created.id() + "?notice=desk-queue-saved";
            } catch (InvalidDeskInput e) {
                reject(e, details, errors);
            } catch (NameTaken e) {
                errors.field("name", e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(null, form, errors, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        var queue = queues.get(id);
        var form = new QueueForm(organizations.name(new OrganizationId(queue.organizationId())).orElse(""),
                queue.name(), queue.calendarId().toString(), emails(queue.managers()), emails(queue.agents()),
                queue.assignmentMode().name(), Integer.toString(queue.autoCloseHours()), queue.reassignOnBreach());
        return form(queue, form, new FormErrors(), model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute QueueForm form, Model model, HttpServletResponse response) {
        var queue = queues.get(id);
        var errors = new FormErrors();
        var details = details(form, null, errors);
        if (!errors.any()) {
            try {
                queues.update(CurrentUser.require(), id, details);
                return "redirect:/desk/admin/queues/" + id + "?notice=desk-queue-saved";
            } catch (InvalidDeskInput e) {
                reject(e, details, errors);
            } catch (NameTaken e) {
                errors.field("name", e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(queue, form, errors, model);
    }

    private String form(Queue queue, QueueForm form, FormErrors errors, Model model) {
        model.addAttribute("queue", queue);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("calendars", calendars.list().stream()
                .map(c -> new Choice(c.id().toString(), c.calendar().name())).toList());
        model.addAttribute("modes", Arrays.stream(AssignmentMode.values())
                .map(m -> new Choice(m.name(), m == AssignmentMode.ROUND_ROBIN ? "Round-robin" : "Least loaded"))
                .toList());
        return "desk/admin/queue-form";
    }

    private UUID organization(String name, FormErrors errors) {
        if (name == null || name.isBlank()) {
            errors.field("organization", "give the name of the organization whose team works the queue");
            return null;
        }
        var found = organizations.findByName(name.strip());
        if (found.isEmpty()) {
            errors.field("organization", "there is no organization named '" + name.strip() + "'");
            return null;
        }
        return found.get().value();
    }

    /** The people of the text area, by e-mail; addresses nobody has are marked on the field. */
    private List<UUID> people(String field, String text, FormErrors errors) {
        var ids = new ArrayList<UUID>();
        if (text == null) {
            return ids;
        }
        for (var email : text.split("[,;\\s]+")) {
            if (email.isBlank()) {
                continue;
            }
            var found = people.findByEmail(email.strip());
            if (found.isEmpty()) {
                errors.field(field, "nobody has the e-mail address " + email.strip());
            } else {
                ids.add(found.get().id().value());
            }
        }
        return ids;
    }

    private QueueDetails details(QueueForm form, UUID organization, FormErrors errors) {
        UUID calendar = null;
        try {
            calendar = form.calendarId() == null || form.calendarId().isBlank() ? null : UUID.fromString(form.calendarId());
        } catch (IllegalArgumentException e) {
            errors.field("calendarId", "choose a calendar");
        }
        Integer hours = null;
        if (form.autoCloseHours() != null && !form.autoCloseHours().isBlank()) {
            try {
                hours = Integer.valueOf(form.autoCloseHours().strip());
            } catch (NumberFormatException e) {
                errors.field("autoCloseHours", "enter a whole number of hours");
            }
        }
        var mode = form.assignmentMode() == null ? null : form.assignmentMode().strip().toUpperCase(Locale.ROOT);
        return new QueueDetails(organization, form.name(), calendar, people("managers", form.managers(), errors),
                people("agents", form.agents(), errors), mode, hours, Boolean.TRUE.equals(form.reassignOnBreach()));
    }

    /** The service's problems on the form; a person is named by their address. */
    private void reject(InvalidDeskInput failure, QueueDetails details, FormErrors errors) {
        for (var problem : failure.errors()) {
            Matcher indexed = INDEXED.matcher(problem.field());
            if (indexed.matches()) {
                var list = indexed.group(1).equals("managers") ? details.managers() : details.agents();
                var person = list.get(Integer.parseInt(indexed.group(2)));
                errors.field(indexed.group(1), emails(List.of(person)) + " " + problem.message());
                continue;
            }
            switch (problem.field()) {
                case "organizationId" -> errors.field("organization", problem.message());
                case "name", "calendarId", "managers", "agents", "assignmentMode", "autoCloseHours" ->
                        errors.field(problem.field(), problem.message());
                default -> errors.global(problem.field() + ": " + problem.message());
            }
        }
    }

    private String emails(List<UUID> users) {
        var profiles = people.findAll(users.stream().map(UserId::new).toList());
        return users.stream().map(id -> profiles.stream().filter(p -> p.id().value().equals(id)).findFirst()
                .map(UserDirectory.Profile::email).orElse(id.toString())).collect(Collectors.joining("\n"));
    }

    /** One option of a select. */
    record Choice(String value, String label) {
    }
}
