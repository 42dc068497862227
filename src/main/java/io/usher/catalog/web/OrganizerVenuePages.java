package io.usher.catalog.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.usher.catalog.InvalidSeatingPlan;
import io.usher.catalog.InvalidVenue;
import io.usher.catalog.NameTaken;
import io.usher.catalog.NotYourOrganization;
import io.usher.catalog.SectionInUse;
import io.usher.catalog.VenueId;
import io.usher.catalog.internal.PlanDescription;
import io.usher.catalog.internal.VenueDetails;
import io.usher.catalog.internal.VenueLayout;
import io.usher.catalog.internal.VenueManagement;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Organizers' venues: the list, a new venue with its seating plan in the compact form (sections with rows
 * from–to, seats per row, accessible seat numbers), a venue's plan, and adding, renaming and removing sections.
 * {@link VenueManagement} decides who sees which venue: another organization's venue is not found.
 */
@Controller
@RequestMapping("/organizer/venues")
class OrganizerVenuePages {

    private static final Pattern SECTION_FIELD = Pattern.compile("sections\\[(\\d+)]\\.(\\w+)");

    private final VenueManagement venues;
    private final OrganizerScope scope;
    private final MessageSource messages;

    OrganizerVenuePages(VenueManagement venues, OrganizerScope scope, MessageSource messages) {
        this.venues = venues;
        this.scope = scope;
        this.messages = messages;
    }

    /** One section in the compact form; a section left blank is not part of the plan. */
    record SectionForm(String name, String rowsFrom, String rowsTo, String seatsPerRow, String accessibleSeats) {

        static final SectionForm BLANK = new SectionForm("", "", "", "", "");

        boolean blank() {
            return CatalogPages.blank(name) && CatalogPages.blank(rowsFrom) && CatalogPages.blank(rowsTo)
                    && CatalogPages.blank(seatsPerRow) && CatalogPages.blank(accessibleSeats);
        }
    }

    record VenueForm(String organizationId, String name, String address, String timezone, String capacity,
            List<SectionForm> sections) {

        VenueForm {
            sections = sections == null ? new ArrayList<>() : new ArrayList<>(sections.stream()
                    .map(section -> section == null ? SectionForm.BLANK : section).toList());
        }
    }

    record RenameForm(String name) {
    }

    @GetMapping
    String list(Model model) {
        var actor = CurrentUser.require();
        model.addAttribute("venues", venues.list(actor, null));
        return "catalog/organizer/venues";
    }

    @GetMapping("/new")
    String create(Model model) {
        var actor = CurrentUser.require();
        var organizations = scope.organizations(actor);
        model.addAttribute("form", new VenueForm(organizations.isEmpty() ? "" : organizations.getFirst().value(), "",
                "", "Europe/Berlin", "", List.of(SectionForm.BLANK, SectionForm.BLANK)));
        return form(model, actor);
    }

    @PostMapping
    String create(@ModelAttribute("form") VenueForm form, BindingResult errors, Model model,
            HttpServletResponse response) {
        var actor = CurrentUser.require();
        var organization = CatalogPages.uuid(form.organizationId());
        if (organization == null) {
            errors.rejectValue("organizationId", "required", "Choose the organization the venue belongs to.");
        }
        var capacity = CatalogPages.integer(form.capacity(), "capacity", errors);
        var formIndex = new ArrayList<Integer>();
        var sections = new ArrayList<PlanDescription.SectionDescription>();
        for (int i = 0; i < form.sections().size(); i++) {
            var section = form.sections().get(i);
            if (section.blank()) {
                continue;
            }
            var prefix = "sections[" + i + "].";
            var seats = CatalogPages.integer(section.seatsPerRow(), prefix + "seatsPerRow", errors);
            var accessible = CatalogPages.numbers(section.accessibleSeats(), prefix + "accessibleSeats", errors);
            formIndex.add(i);
            sections.add(new PlanDescription.SectionDescription(section.name(),
                    new PlanDescription.RowRange(section.rowsFrom(), section.rowsTo()), seats, accessible));
        }
        if (!errors.hasErrors()) {
            try {
                var layout = venues.create(actor, new OrganizationId(organization),
                        new VenueDetails(form.name(), form.address(), form.timezone(), capacity),
                        new PlanDescription(sections));
                return "redirect:/organizer/venues/" + layout.venue().id() + "?notice=venue-created";
            } catch (InvalidVenue e) {
                CatalogPages.reject(e, errors, Map.of());
            } catch (InvalidSeatingPlan e) {
                for (var problem : e.errors()) {
                    CatalogPages.reject(errors, sectionField(problem.field(), formIndex), problem.message());
                }
            } catch (NotYourOrganization e) {
                errors.rejectValue("organizationId", e.code(), CatalogPages.message(messages, e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(model, actor);
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return page(venues.get(CurrentUser.require(), new VenueId(id)), model, Map.of(), Map.of());
    }

    @PostMapping("/{id}/sections")
    String addSection(@PathVariable UUID id, @ModelAttribute("sectionForm") SectionForm form, BindingResult errors,
            Model model, HttpServletResponse response) {
        var actor = CurrentUser.require();
        var seats = CatalogPages.integer(form.seatsPerRow(), "seatsPerRow", errors);
        var accessible = CatalogPages.numbers(form.accessibleSeats(), "accessibleSeats", errors);
        if (!errors.hasErrors()) {
            try {
                venues.addSection(actor, new VenueId(id), new PlanDescription.SectionDescription(form.name(),
                        new PlanDescription.RowRange(form.rowsFrom(), form.rowsTo()), seats, accessible));
                return "redirect:/organizer/venues/" + id + "?notice=section-added";
            } catch (InvalidSeatingPlan e) {
                for (var problem : e.errors()) {
                    CatalogPages.reject(errors, switch (problem.field()) {
                        case "section.rows", "rows" -> "rowsFrom";
                        default -> problem.field().replaceFirst("^section\\.", "");
                    }, problem.message());
                }
            } catch (NameTaken e) {
                errors.rejectValue("name", e.code(), e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(venues.get(actor, new VenueId(id)), model, Map.of(), Map.of());
    }

    @PostMapping("/{id}/sections/{sectionId}/rename")
    String renameSection(@PathVariable UUID id, @PathVariable UUID sectionId, @RequestParam String name, Model model,
            HttpServletResponse response) {
        var actor = CurrentUser.require();
        try {
            venues.renameSection(actor, new VenueId(id), sectionId, name);
            return "redirect:/organizer/venues/" + id + "?notice=section-renamed";
        } catch (InvalidSeatingPlan e) {
            response.setStatus(e.status());
            return page(venues.get(actor, new VenueId(id)), model,
                    Map.of(sectionId, CatalogPages.sentence(e.errors().getFirst().message())), Map.of(sectionId, name));
        } catch (NameTaken e) {
            response.setStatus(e.status());
            return page(venues.get(actor, new VenueId(id)), model, Map.of(sectionId, e.getMessage()),
                    Map.of(sectionId, name));
        }
    }

    @PostMapping("/{id}/sections/{sectionId}/remove")
    String removeSection(@PathVariable UUID id, @PathVariable UUID sectionId) {
        try {
            venues.removeSection(CurrentUser.require(), new VenueId(id), sectionId);
            return "redirect:/organizer/venues/" + id + "?notice=section-removed";
        } catch (SectionInUse | InvalidSeatingPlan e) {
            return "redirect:/organizer/venues/" + id + "?error=" + e.code();
        }
    }

    /** A section of the venue as its table row shows it. */
    record SectionRow(UUID id, String name, String rows, int rowCount, int seats, String renameValue,
            String renameError) {
    }

    private String page(VenueLayout layout, Model model, Map<UUID, String> renameErrors,
            Map<UUID, String> renameValues) {
        var venue = layout.venue();
        model.addAttribute("venue", venue);
        model.addAttribute("organization", scope.name(venue.organization()));
        model.addAttribute("planSummary", String.format(Locale.UK, "%,d seats in %s.",
                layout.plan().seatCount(), Formats.count(layout.plan().sections().size(), "section", "sections")));
        model.addAttribute("seatMap", layout.plan().isEmpty() ? null : SeatMap.plan(layout.plan()));
        model.addAttribute("sections", layout.plan().sections().stream().map(section -> new SectionRow(section.id(),
                section.name(), section.rows().isEmpty() ? "" : section.rows().getFirst().label() + "–"
                        + section.rows().getLast().label(), section.rows().size(), section.seatCount(),
                renameValues.getOrDefault(section.id(), section.name()), renameErrors.get(section.id())))
                .toList());
        if (!model.containsAttribute("sectionForm")) {
            model.addAttribute("sectionForm", SectionForm.BLANK);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "sectionForm",
                    new BeanPropertyBindingResult(SectionForm.BLANK, "sectionForm"));
        }
        return "catalog/organizer/venue";
    }

    private String form(Model model, CurrentUser actor) {
        model.addAttribute("organizations", scope.organizations(actor));
        model.addAttribute("timezones", OrganizerScope.TIMEZONES);
        var form = (VenueForm) model.getAttribute("form");
        if (form != null && form.sections().stream().noneMatch(SectionForm::blank)) {
            form.sections().add(SectionForm.BLANK);
        }
        var errors = (BindingResult) model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form");
        model.addAttribute("formErrors", errors == null ? List.of() : CatalogPages.formErrors(errors));
        return "catalog/organizer/venue-new";
    }

    /** Catalog's {@code sections[2].rows} is the form's {@code sections[<index on the form>].rowsFrom}. */
    private static String sectionField(String field, List<Integer> formIndex) {
        var matcher = SECTION_FIELD.matcher(field);
        if (!matcher.matches()) {
            return field;
        }
        var index = Integer.parseInt(matcher.group(1));
        var name = matcher.group(2);
        var mapped = new HashMap<>(Map.of("rows", "rowsFrom"));
        return "sections[" + (index < formIndex.size() ? formIndex.get(index) : index) + "]."
                + mapped.getOrDefault(name, name);
    }
}
