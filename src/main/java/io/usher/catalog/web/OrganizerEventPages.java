package io.usher.catalog.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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

import io.usher.catalog.EventCategory;
import io.usher.catalog.EventStatus;
import io.usher.catalog.InvalidEvent;
import io.usher.catalog.NotYourOrganization;
import io.usher.catalog.internal.Event;
import io.usher.catalog.internal.EventDetails;
import io.usher.catalog.internal.EventLifecycle;
import io.usher.catalog.internal.EventListing;
import io.usher.catalog.internal.EventManagement;
import io.usher.catalog.internal.EventQueries;
import io.usher.catalog.internal.TicketType;
import io.usher.catalog.internal.VenueManagement;
import io.usher.common.EventId;
import io.usher.common.UsherException;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.inventory.Availability;
import io.usher.inventory.Inventory;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Organizers' events: the list with drafts, creating and editing an event, publishing, postponing and
 * cancelling it, and watching what sells. Catalog's services check that the organizer works for the event's
 * organization: another organization's draft is not found, its published event is not theirs to change.
 */
@Controller
@RequestMapping("/organizer/events")
class OrganizerEventPages {

    private static final int PAGE_SIZE = 20;

    private final EventQueries queries;
    private final EventManagement management;
    private final EventLifecycle lifecycle;
    private final VenueManagement venues;
    private final Inventory inventory;
    private final OrganizerScope scope;
    private final MessageSource messages;

    OrganizerEventPages(EventQueries queries, EventManagement management, EventLifecycle lifecycle,
            VenueManagement venues, Inventory inventory, OrganizerScope scope, MessageSource messages) {
        this.queries = queries;
        this.management = management;
        this.lifecycle = lifecycle;
        this.venues = venues;
        this.inventory = inventory;
        this.scope = scope;
        this.messages = messages;
    }

    /**
     * An event's details as the form sends them. {@code where} is {@code venue} (one of the organization's
     * venues, whose time zone the event takes) or {@code location} (free text, with a time zone).
     */
    record EventForm(String organizationId, String title, String description, String category, String where,
            String venueId, String location, String timezone, String startsAt, String endsAt, String imageUrl,
            String holdDurationMinutes, String maxTicketsPerBuyer, String refundDaysBefore) {

        static EventForm of(Event event) {
            var content = event.content();
            var schedule = content.schedule();
            return new EventForm(event.organization().toString(), content.title(), content.description(),
                    content.category().name(), content.venue() == null ? "location" : "venue",
                    content.venue() == null ? "" : content.venue().toString(),
                    content.location() == null ? "" : content.location(),
                    content.venue() == null ? schedule.zone().getId() : "", Formats.input(schedule.startsLocal()),
                    Formats.input(schedule.endsLocal()), content.imageUrl() == null ? "" : content.imageUrl(),
                    Integer.toString(content.holdMinutes()), Integer.toString(content.maxPerBuyer()),
                    content.refundDaysBefore() == null ? "" : content.refundDaysBefore().toString());
        }

        boolean atVenue() {
            return !"location".equals(where);
        }
    }

    /** New dates for a postponed event, local to its time zone. */
    record PostponeForm(String startsAt, String endsAt) {
    }

    /** One event in the console's list. */
    record EventRow(UUID id, String title, EventStatus status, String statusLabel, String statusBadge, String when,
            String place, String lowestPrice) {
    }

    /** One ticket type as the event's console page lists it. */
    record TicketTypeRow(UUID id, String name, String price, String kind, String capacity, String saleWindow,
            String perOrder) {
    }

    /** One ticket type in the live view; held and sold are counted for seated types only. */
    record LiveRow(UUID id, String name, boolean seated, int capacity, int available, int taken, int held, int sold) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        var filter = status == null || status.isBlank() ? null : parseStatus(status);
        var number = Math.clamp(page, 0, 10_000);
        var result = queries.organized(CurrentUser.require(), null, filter, number, PAGE_SIZE);
        model.addAttribute("events", result.items().stream().map(summary -> {
            var event = summary.event();
            return new EventRow(event.id().value(), event.content().title(), event.status(),
                    Formats.status(event.status()), Formats.statusBadge(event.status()), Formats.when(event.schedule()),
                    event.content().place(), summary.lowestPrice() == null ? "—" : Formats.money(summary.lowestPrice()));
        }).toList());
        model.addAttribute("total", result.total());
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute("statuses", Arrays.stream(EventStatus.values())
                .map(s -> new Option(s.name(), Formats.status(s))).toList());
        model.addAttribute("page", number);
        model.addAttribute("hasPrevious", number > 0);
        model.addAttribute("hasNext", (long) (number + 1) * PAGE_SIZE < result.total());
        return "catalog/organizer/events";
    }

    @GetMapping("/new")
    String create(Model model) {
        var actor = CurrentUser.require();
        var organizations = scope.organizations(actor);
        var hasVenues = !venues.list(actor, null).isEmpty();
        model.addAttribute("form", new EventForm(organizations.isEmpty() ? "" : organizations.getFirst().value(), "", "",
                EventCategory.CONCERT.name(), hasVenues ? "venue" : "location", "", "", "Europe/Berlin", "", "", "",
                "15", "10", ""));
        return form(model, actor, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") EventForm form, BindingResult errors, Model model,
            HttpServletResponse response) {
        var actor = CurrentUser.require();
        var organization = CatalogPages.uuid(form.organizationId());
        if (organization == null) {
            errors.rejectValue("organizationId", "required", "Choose the organization the event belongs to.");
        }
        var details = details(form, errors);
        if (!errors.hasErrors()) {
            try {
                var event = management.create(actor, new OrganizationId(organization), details);
                return "redirect:/organizer/events/" + event.id() + "?notice=event-created";
            } catch (InvalidEvent e) {
                CatalogPages.reject(e, errors, Map.of());
            } catch (NotYourOrganization e) {
                errors.rejectValue("organizationId", e.code(), CatalogPages.message(messages, e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(model, actor, null);
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return page(queries.managedListing(CurrentUser.require(), new EventId(id)), model, null);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        var actor = CurrentUser.require();
        var event = queries.managedListing(actor, new EventId(id)).event();
        model.addAttribute("form", EventForm.of(event));
        return form(model, actor, event);
    }

    /** Saves the form; once published, an event keeps its dates and place here (postponing moves them). */
    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") EventForm form, BindingResult errors, Model model,
            HttpServletResponse response) {
        var actor = CurrentUser.require();
        var event = queries.managedListing(actor, new EventId(id)).event();
        var draft = event.status() == EventStatus.DRAFT;
        var details = details(draft ? form : withPlace(form, event), errors);
        if (!errors.hasErrors()) {
            try {
                management.update(actor, event.id(), current -> details);
                return "redirect:/organizer/events/" + id + "?notice=event-saved";
            } catch (InvalidEvent e) {
                CatalogPages.reject(e, errors, Map.of());
            } catch (UsherException e) {
                if (e.status() != HttpStatus.CONFLICT.value()) {
                    throw e;
                }
                errors.reject(e.code(), CatalogPages.message(messages, e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(model, actor, event);
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable UUID id) {
        return transition(id, "event-published", () -> lifecycle.publish(CurrentUser.require(), new EventId(id)));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id) {
        return transition(id, "event-cancelled", () -> lifecycle.cancel(CurrentUser.require(), new EventId(id)));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id) {
        try {
            management.delete(CurrentUser.require(), new EventId(id));
        } catch (UsherException e) {
            if (e.status() != HttpStatus.CONFLICT.value()) {
                throw e;
            }
            return "redirect:/organizer/events/" + id + "?error=" + e.code();
        }
        return "redirect:/organizer/events?notice=event-deleted";
    }

    @PostMapping("/{id}/postpone")
    String postpone(@PathVariable UUID id, @ModelAttribute("postponeForm") PostponeForm form, BindingResult errors,
            Model model, HttpServletResponse response) {
        var actor = CurrentUser.require();
        var startsAt = CatalogPages.dateTime(form.startsAt(), "startsAt", errors);
        var endsAt = CatalogPages.dateTime(form.endsAt(), "endsAt", errors);
        if (startsAt == null && !errors.hasFieldErrors("startsAt")) {
            errors.rejectValue("startsAt", "required", "Enter the new start.");
        }
        if (endsAt == null && !errors.hasFieldErrors("endsAt")) {
            errors.rejectValue("endsAt", "required", "Enter the new end.");
        }
        if (!errors.hasErrors()) {
            try {
                lifecycle.postpone(actor, new EventId(id), startsAt, endsAt);
                return "redirect:/organizer/events/" + id + "?notice=event-postponed";
            } catch (InvalidEvent e) {
                CatalogPages.reject(e, errors, Map.of());
            } catch (UsherException e) {
                if (e.status() != HttpStatus.CONFLICT.value()) {
                    throw e;
                }
                return "redirect:/organizer/events/" + id + "?error=" + e.code();
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(queries.managedListing(actor, new EventId(id)), model, errors);
    }

    @GetMapping("/{id}/live")
    String live(@PathVariable UUID id, Model model) {
        var listing = queries.managedListing(CurrentUser.require(), new EventId(id));
        var availability = inventory.availability(listing.event().id());
        var stock = availability.ticketTypes().stream()
                .collect(Collectors.toMap(t -> t.id().value(), Function.identity()));
        model.addAttribute("event", listing.event());
        model.addAttribute("when", Formats.when(listing.event().schedule()));
        model.addAttribute("rows", listing.ticketTypes().stream().map(type -> {
            var left = stock.get(type.id().value());
            var held = left == null ? 0 : (int) left.seats().stream()
                    .filter(s -> s.state() == Availability.SeatState.HELD).count();
            var sold = left == null ? 0 : (int) left.seats().stream()
                    .filter(s -> s.state() == Availability.SeatState.SOLD).count();
            var capacity = left == null ? type.capacity() : left.capacity();
            var available = left == null ? 0 : left.available();
            return new LiveRow(type.id().value(), type.name(), type.seated(), capacity, available,
                    capacity - available, held, sold);
        }).toList());
        var states = new HashMap<UUID, Availability.SeatState>();
        availability.ticketTypes().forEach(type -> type.seats().forEach(s -> states.put(s.id().value(), s.state())));
        model.addAttribute("seatMap", listing.plan().isEmpty() ? null
                : SeatMap.forOrganizers(listing.plan(), SeatMap.sellers(listing), states));
        return "catalog/organizer/live";
    }

    private String transition(UUID id, String notice, Runnable change) {
        try {
            change.run();
        } catch (UsherException e) {
            if (e.status() != HttpStatus.CONFLICT.value()) {
                throw e;
            }
            return "redirect:/organizer/events/" + id + "?error=" + e.code();
        }
        return "redirect:/organizer/events/" + id + "?notice=" + notice;
    }

    private String page(EventListing listing, Model model, BindingResult postponeErrors) {
        var event = listing.event();
        var zone = event.schedule().zone();
        model.addAttribute("event", event);
        model.addAttribute("organization", scope.name(event.organization()));
        model.addAttribute("when", Formats.when(event.schedule()));
        model.addAttribute("statusLabel", Formats.status(event.status()));
        model.addAttribute("statusBadge", Formats.statusBadge(event.status()));
        model.addAttribute("category", Formats.category(event.content().category()));
        model.addAttribute("place", event.content().place());
        var sectionNames = new HashMap<UUID, String>();
        if (event.content().venue() != null && listing.ticketTypes().stream().anyMatch(TicketType::seated)) {
            listing.plan().sections().forEach(section -> sectionNames.put(section.id(), section.name()));
        }
        model.addAttribute("ticketTypes", listing.ticketTypes().stream().map(type -> new TicketTypeRow(
                type.id().value(), type.name(), Formats.money(type.price()),
                type.seated() ? "Seated: " + type.sections().stream()
                        .map(section -> "section " + sectionNames.getOrDefault(section, "?")).sorted()
                        .collect(Collectors.joining(", ")) : "General admission",
                String.format(Locale.UK, "%,d", type.capacity()),
                saleWindow(type, zone), type.minPerOrder() == type.maxPerOrder() ? Integer.toString(type.minPerOrder())
                        : type.minPerOrder() + "–" + type.maxPerOrder()))
                .toList());
        model.addAttribute("draft", event.status() == EventStatus.DRAFT);
        model.addAttribute("open", !event.status().closed());
        model.addAttribute("canPostpone", event.status().canBecome(EventStatus.POSTPONED));
        model.addAttribute("canCancel", event.status().canBecome(EventStatus.CANCELLED));
        if (postponeErrors == null) {
            var form = new PostponeForm(Formats.input(event.schedule().startsLocal()),
                    Formats.input(event.schedule().endsLocal()));
            model.addAttribute("postponeForm", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "postponeForm",
                    new BeanPropertyBindingResult(form, "postponeForm"));
        }
        model.addAttribute("postponeFailed", postponeErrors != null);
        model.addAttribute("timezone", zone.getId());
        return "catalog/organizer/event";
    }

    private String form(Model model, CurrentUser actor, Event event) {
        var organizations = scope.organizations(actor);
        var venueList = venues.list(actor, event == null ? null : event.organization());
        var manyOrganizations = organizations.size() > 1;
        model.addAttribute("event", event);
        model.addAttribute("draft", event == null || event.status() == EventStatus.DRAFT);
        model.addAttribute("organizations", organizations);
        model.addAttribute("venues", venueList.stream()
                .sorted(Comparator.comparing(v -> v.name().toLowerCase(Locale.ROOT)))
                .map(venue -> new Option(venue.id().toString(), venue.name() + " (" + venue.timezone().getId() + ")"
                        + (manyOrganizations && event == null ? " · " + scope.name(venue.organization()) : "")))
                .toList());
        model.addAttribute("categories", Arrays.stream(EventCategory.values())
                .map(c -> new Option(c.name(), Formats.category(c))).toList());
        model.addAttribute("timezones", OrganizerScope.TIMEZONES);
        var errors = (BindingResult) model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form");
        model.addAttribute("formErrors", errors == null ? List.of() : CatalogPages.formErrors(errors));
        return "catalog/organizer/event-form";
    }

    /** The form with a published event's place and dates, which this form does not change. */
    private static EventForm withPlace(EventForm form, Event event) {
        var current = EventForm.of(event);
        return new EventForm(form.organizationId(), form.title(), form.description(), form.category(), current.where(),
                current.venueId(), current.location(), current.timezone(), current.startsAt(), current.endsAt(),
                form.imageUrl(), form.holdDurationMinutes(), form.maxTicketsPerBuyer(), form.refundDaysBefore());
    }

    private static EventDetails details(EventForm form, BindingResult errors) {
        EventCategory category = null;
        try {
            category = EventCategory.valueOf(form.category() == null ? "" : form.category().strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("category", "required", "Choose a category.");
        }
        var atVenue = form.atVenue();
        var venue = atVenue ? CatalogPages.uuid(form.venueId()) : null;
        if (atVenue && venue == null) {
            errors.rejectValue("venueId", "required", "Choose a venue, or give a location instead.");
        }
        if (!atVenue && CatalogPages.blank(form.location())) {
            errors.rejectValue("location", "required", "Enter where the event takes place.");
        }
        var startsAt = CatalogPages.dateTime(form.startsAt(), "startsAt", errors);
        var endsAt = CatalogPages.dateTime(form.endsAt(), "endsAt", errors);
        var hold = CatalogPages.integer(form.holdDurationMinutes(), "holdDurationMinutes", errors);
        var max = CatalogPages.integer(form.maxTicketsPerBuyer(), "maxTicketsPerBuyer", errors);
        // blank means no refunds, so only a given value is parsed
        var refundDays = CatalogPages.blank(form.refundDaysBefore()) ? null
                : CatalogPages.integer(form.refundDaysBefore(), "refundDaysBefore", errors);
        return new EventDetails(form.title(), form.description(), category, venue,
                atVenue ? null : form.location(), atVenue ? null : form.timezone(), startsAt, endsAt,
                form.imageUrl(), hold, max, null, refundDays);
    }

    private static String saleWindow(TicketType type, ZoneId zone) {
        if (type.saleStartsAt() == null && type.saleEndsAt() == null) {
            return "While the event is on sale";
        }
        if (type.saleEndsAt() == null) {
            return "From " + Formats.at(type.saleStartsAt(), zone);
        }
        if (type.saleStartsAt() == null) {
            return "Until " + Formats.at(type.saleEndsAt(), zone);
        }
        return Formats.at(type.saleStartsAt(), zone) + " – " + Formats.at(type.saleEndsAt(), zone);
    }

    private static EventStatus parseStatus(String status) {
        try {
            return EventStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
