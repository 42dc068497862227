package io.usher.catalog.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.usher.catalog.CurrencyMismatch;
import io.usher.catalog.InvalidTicketType;
import io.usher.catalog.NameTaken;
import io.usher.catalog.SeatsAlreadyAssigned;
import io.usher.catalog.TicketTypeKindFixed;
import io.usher.catalog.TicketTypeNotFound;
import io.usher.catalog.VenueId;
import io.usher.catalog.internal.EventListing;
import io.usher.catalog.internal.EventQueries;
import io.usher.catalog.internal.SeatingPlan;
import io.usher.catalog.internal.TicketType;
import io.usher.catalog.internal.TicketTypeDetails;
import io.usher.catalog.internal.TicketTypeManagement;
import io.usher.catalog.internal.VenueManagement;
import io.usher.common.EventId;
import io.usher.common.TicketTypeId;
import io.usher.common.UsherException;
import io.usher.identity.CurrentUser;
import io.usher.inventory.CapacityBelowCommitted;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An event's ticket types in the organizer console: general admission with a capacity, or seated over sections
 * of the venue's plan. Changes reach inventory in catalog's transaction, so a type cannot shrink below what is
 * held or sold.
 */
@Controller
@RequestMapping("/organizer/events/{eventId}/ticket-types")
class OrganizerTicketTypePages {

    /** Catalog's field names, as this form calls them. */
    private static final Map<String, String> FIELDS = Map.of("priceMinor", "price", "sectionIds", "sections",
            "saleStartsAt", "saleStarts", "saleEndsAt", "saleEnds");

    private final TicketTypeManagement ticketTypes;
    private final EventQueries queries;
    private final VenueManagement venues;
    private final MessageSource messages;

    OrganizerTicketTypePages(TicketTypeManagement ticketTypes, EventQueries queries, VenueManagement venues,
            MessageSource messages) {
        this.ticketTypes = ticketTypes;
        this.queries = queries;
        this.venues = venues;
        this.messages = messages;
    }

    /**
     * A ticket type as the form sends it. {@code kind} is {@code general} (a capacity) or {@code seated} (the
     * checked {@code sections}); the sale window is local to the event's time zone; empty means "no limit".
     */
    record TicketTypeForm(String name, String price, String currency, String kind, String capacity,
            List<String> sections, String saleStarts, String saleEnds, String minPerOrder, String maxPerOrder) {

        TicketTypeForm {
            sections = sections == null ? List.of() : List.copyOf(sections);
        }

        boolean seated() {
            return "seated".equals(kind);
        }

        static TicketTypeForm of(TicketType type, ZoneId zone) {
            return new TicketTypeForm(type.name(), Formats.amount(type.price()),
                    type.price().currency().getCurrencyCode(), type.seated() ? "seated" : "general",
                    type.seated() ? "" : Integer.toString(type.capacity()),
                    type.sections().stream().map(UUID::toString).toList(), Formats.input(type.saleStartsAt(), zone),
                    Formats.input(type.saleEndsAt(), zone), Integer.toString(type.minPerOrder()),
                    Integer.toString(type.maxPerOrder()));
        }
    }

    /** A section of the venue's plan to sell; {@code soldBy} names another ticket type that sells it already. */
    record SectionChoice(String id, String name, int seats, String soldBy) {
    }

    @GetMapping("/new")
    String create(@PathVariable UUID eventId, Model model) {
        var listing = queries.managedListing(CurrentUser.require(), new EventId(eventId));
        var currency = listing.ticketTypes().stream().findFirst()
                .map(type -> type.price().currency().getCurrencyCode()).orElse("EUR");
        model.addAttribute("form", new TicketTypeForm("", "", currency, "general", "", List.of(), "", "", "1", "10"));
        return form(listing, null, model);
    }

    @PostMapping
    String create(@PathVariable UUID eventId, @ModelAttribute("form") TicketTypeForm form, BindingResult errors,
            Model model, HttpServletResponse response) {
        var actor = CurrentUser.require();
        var listing = queries.managedListing(actor, new EventId(eventId));
        var details = details(form, listing.event().schedule().zone(), errors);
        if (!errors.hasErrors()) {
            try {
                ticketTypes.create(actor, listing.event().id(), details);
                return "redirect:/organizer/events/" + eventId + "?notice=ticket-type-added";
            } catch (UsherException e) {
                reject(e, errors);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(listing, null, model);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID eventId, @PathVariable UUID id, Model model) {
        var listing = queries.managedListing(CurrentUser.require(), new EventId(eventId));
        var type = type(listing, id);
        model.addAttribute("form", TicketTypeForm.of(type, listing.event().schedule().zone()));
        return form(listing, type, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID eventId, @PathVariable UUID id, @ModelAttribute("form") TicketTypeForm form,
            BindingResult errors, Model model, HttpServletResponse response) {
        var actor = CurrentUser.require();
        var listing = queries.managedListing(actor, new EventId(eventId));
        var type = type(listing, id);
        var details = details(form, listing.event().schedule().zone(), errors);
        if (!errors.hasErrors()) {
            try {
                ticketTypes.update(actor, listing.event().id(), type.id(), details);
                return "redirect:/organizer/events/" + eventId + "?notice=ticket-type-saved";
            } catch (UsherException e) {
                reject(e, errors);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(listing, type, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID eventId, @PathVariable UUID id) {
        try {
            ticketTypes.delete(CurrentUser.require(), new EventId(eventId), new TicketTypeId(id));
        } catch (UsherException e) {
            if (e.status() != HttpStatus.CONFLICT.value()) {
                throw e;
            }
            return "redirect:/organizer/events/" + eventId + "?error=" + e.code();
        }
        return "redirect:/organizer/events/" + eventId + "?notice=ticket-type-deleted";
    }

    private void reject(UsherException failure, BindingResult errors) {
        switch (failure) {
            case InvalidTicketType e -> CatalogPages.reject(e, errors, FIELDS);
            case CurrencyMismatch e -> errors.rejectValue("currency", e.code(), CatalogPages.message(messages, e));
            case NameTaken e -> errors.rejectValue("name", e.code(), e.getMessage());
            case SeatsAlreadyAssigned e -> errors.rejectValue("sections", e.code(), CatalogPages.message(messages, e));
            case TicketTypeKindFixed e -> errors.rejectValue("kind", e.code(), CatalogPages.message(messages, e));
            case CapacityBelowCommitted e -> errors.rejectValue("capacity", e.code(), CatalogPages.sentence(e.getMessage()));
            default -> {
                if (failure.status() != HttpStatus.CONFLICT.value()) {
                    throw failure;
                }
                errors.reject(failure.code(), CatalogPages.message(messages, failure));
            }
        }
    }

    private static TicketTypeDetails details(TicketTypeForm form, ZoneId zone, BindingResult errors) {
        var seated = form.seated();
        var capacity = seated ? null : CatalogPages.integer(form.capacity(), "capacity", errors);
        if (!seated && capacity == null && !errors.hasFieldErrors("capacity")) {
            errors.rejectValue("capacity", "required", "Enter how many tickets there are.");
        }
        var sections = new ArrayList<UUID>();
        if (seated) {
            form.sections().stream().map(CatalogPages::uuid).filter(Objects::nonNull).forEach(sections::add);
            if (sections.isEmpty()) {
                errors.rejectValue("sections", "required", "Choose the sections whose seats this ticket type sells.");
            }
        }
        var currency = form.currency() == null ? "" : form.currency().strip();
        var price = CatalogPages.minorUnits(form.price(), currency.isEmpty() ? "EUR" : currency, "price", errors);
        var starts = CatalogPages.dateTime(form.saleStarts(), "saleStarts", errors);
        var ends = CatalogPages.dateTime(form.saleEnds(), "saleEnds", errors);
        var min = CatalogPages.integer(form.minPerOrder(), "minPerOrder", errors);
        var max = CatalogPages.integer(form.maxPerOrder(), "maxPerOrder", errors);
        return new TicketTypeDetails(form.name(), price, currency, capacity, seated ? sections : null,
                starts == null ? null : starts.atZone(zone).toInstant(), ends == null ? null : ends.atZone(zone).toInstant(),
                min, max, null);
    }

    private String form(EventListing listing, TicketType type, Model model) {
        var event = listing.event();
        var actor = CurrentUser.require();
        var plan = event.content().venue() == null ? SeatingPlan.empty()
                : venues.get(actor, new VenueId(event.content().venue().value())).plan();
        var names = new HashMap<TicketTypeId, String>();
        listing.ticketTypes().forEach(t -> names.put(t.id(), t.name()));
        model.addAttribute("event", event);
        model.addAttribute("type", type);
        model.addAttribute("zone", event.schedule().zone().getId());
        model.addAttribute("sections", plan.sections().stream().map(section -> {
            var seller = listing.sectionTicketTypes().get(section.id());
            var other = seller != null && (type == null || !seller.equals(type.id())) ? names.get(seller) : null;
            return new SectionChoice(section.id().toString(), section.name(), section.seatCount(), other);
        }).toList());
        var errors = (BindingResult) model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form");
        model.addAttribute("formErrors", errors == null ? List.of() : CatalogPages.formErrors(errors));
        return "catalog/organizer/ticket-type-form";
    }

    private static TicketType type(EventListing listing, UUID id) {
        return listing.ticketTypes().stream().filter(t -> t.id().value().equals(id)).findFirst()
                .orElseThrow(TicketTypeNotFound::new);
    }
}
