package io.usher.catalog.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.usher.catalog.EventCategory;
import io.usher.catalog.EventStatus;
import io.usher.catalog.InvalidEventQuery;
import io.usher.catalog.internal.EventListing;
import io.usher.catalog.internal.EventQueries;
import io.usher.catalog.internal.EventSearch;
import io.usher.catalog.internal.EventSummary;
import io.usher.catalog.internal.SeatingPlan;
import io.usher.catalog.internal.TicketType;
import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.common.UsherException;
import io.usher.identity.CurrentUser;
import io.usher.inventory.Availability;
import io.usher.inventory.BuyerLimitReached;
import io.usher.inventory.HoldRequest;
import io.usher.inventory.Inventory;
import io.usher.inventory.NotEnough;
import io.usher.inventory.SeatTaken;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The storefront: events to browse, an event's page with its tickets and live seat map, and holding tickets.
 * A hold needs a signed-in buyer; each rendered hold form carries its own Idempotency-Key, so sending the same
 * form twice (a double click, a resubmitted page) holds once.
 */
@Controller
class StorefrontPages {

    private static final int PAGE_SIZE = 12;
    private static final int MAX_QUERY = 200;
    private static final int MAX_PAGE = 10_000;

    private final EventQueries queries;
    private final Inventory inventory;
    private final MessageSource messages;
    private final Clock clock;

    StorefrontPages(EventQueries queries, Inventory inventory, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.inventory = inventory;
        this.messages = messages;
        this.clock = clock;
    }

    /** What a visitor filters by, as the form sends it. */
    record EventFilter(String q, String category, String from, String to, boolean availableOnly, String sort) {

        EventFilter {
            q = q == null ? "" : q.strip();
            q = q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
        }

        String url(int page) {
            var url = UriComponentsBuilder.fromPath("/events");
            Map.of("q", q, "category", nullToEmpty(category), "from", nullToEmpty(from), "to", nullToEmpty(to),
                    "sort", nullToEmpty(sort)).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .filter(e -> !e.getValue().isBlank()).forEach(e -> url.queryParam(e.getKey(), e.getValue()));
            if (availableOnly) {
                url.queryParam("availableOnly", true);
            }
            if (page > 0) {
                url.queryParam("page", page);
            }
            return url.encode().build().toUriString();
        }

        private static String nullToEmpty(String value) {
            return value == null ? "" : value.strip();
        }
    }

    /** An event as a card in the list shows it. */
    record EventCard(UUID id, String title, String category, String when, String startsAt, String place,
            String lowestPrice, boolean soldOut, boolean postponed, String imageUrl) {
    }

    @GetMapping("/events")
    String events(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean availableOnly,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Model model,
            HttpServletResponse response) {
        var filter = new EventFilter(q, category, from, to, availableOnly, sort);
        var number = Math.clamp(page, 0, MAX_PAGE);
        var errors = new BeanPropertyBindingResult(filter, "filter");
        model.addAttribute("filter", filter);
        model.addAttribute("filtered", !filter.q().isEmpty() || !CatalogPages.blank(category)
                || !CatalogPages.blank(from) || !CatalogPages.blank(to) || availableOnly);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "filter", errors);
        model.addAttribute("categories", Arrays.stream(EventCategory.values())
                .map(c -> new Option(c.name(), Formats.category(c))).toList());
        model.addAttribute("sorts", List.of(new Option("start", "Date"), new Option("price", "Lowest price"),
                new Option("title", "Title")));
        try {
            var result = queries.browse(new EventSearch(blankToNull(from), blankToNull(to), blankToNull(category),
                    filter.q(), availableOnly, blankToNull(sort), number, PAGE_SIZE));
            var withStock = inventory.eventsWithStockLeft();
            model.addAttribute("events", result.items().stream().map(summary -> card(summary, withStock)).toList());
            model.addAttribute("total", result.total());
            model.addAttribute("first", result.items().isEmpty() ? 0 : (long) number * PAGE_SIZE + 1);
            model.addAttribute("last", (long) number * PAGE_SIZE + result.items().size());
            model.addAttribute("previousUrl", number > 0 ? filter.url(number - 1) : null);
            model.addAttribute("nextUrl", (long) (number + 1) * PAGE_SIZE < result.total() ? filter.url(number + 1)
                    : null);
        } catch (InvalidEventQuery e) {
            CatalogPages.reject(e, errors, Map.of());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("events", List.of());
            model.addAttribute("total", 0L);
        }
        model.addAttribute("formErrors", CatalogPages.formErrors(errors));
        return "catalog/events";
    }

    @GetMapping("/events/{id}")
    String event(@PathVariable UUID id, Model model) {
        var listing = queries.listing(CurrentUser.find().orElse(null), new EventId(id));
        return page(listing, model, HoldChoices.NONE);
    }

    /**
     * Holds what one of the event page's forms asks for: {@code quantities} (general admission, each
     * {@code item} "ticket type id:count"), {@code seats} (the seats picked on the map) or {@code best} (the best
     * {@code quantity} seats of one {@code ticketType}).
     */
    @PostMapping("/events/{id}/hold")
    String hold(@PathVariable UUID id, @RequestParam String idempotencyKey, @RequestParam String mode,
            @RequestParam(required = false) List<String> item, @RequestParam(required = false) List<UUID> ticketType,
            @RequestParam(required = false) List<Integer> quantity, @RequestParam(required = false) List<UUID> seat,
            Model model, HttpServletResponse response) {
        var buyer = CurrentUser.find();
        if (buyer.isEmpty()) {
            return CatalogPages.signIn("/events/" + id);
        }
        var event = new EventId(id);
        var listing = queries.listing(buyer.get(), event);
        var types = ticketType == null ? List.<UUID>of() : ticketType;
        var counts = quantity == null ? List.<Integer>of() : quantity;
        var seats = seat == null ? List.<UUID>of() : seat;
        var chosen = new HoldChoices(quantities(item == null ? List.of() : item), new LinkedHashSet<>(seats), null);
        HoldRequest request = switch (mode) {
            case "quantities" -> {
                var items = chosen.quantities().entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> new HoldRequest.Item(new TicketTypeId(e.getKey()), e.getValue())).toList();
                yield items.isEmpty() ? null : new HoldRequest.Quantities(event, buyer.get().id(), idempotencyKey, items);
            }
            case "seats" -> seats.isEmpty() ? null : new HoldRequest.Seats(event, buyer.get().id(), idempotencyKey,
                    seats.stream().distinct().map(SeatId::new).toList());
            case "best" -> types.size() != 1 || counts.size() != 1 || counts.getFirst() < 1 ? null
                    : new HoldRequest.BestAvailable(event, buyer.get().id(), idempotencyKey,
                            new TicketTypeId(types.getFirst()), counts.getFirst());
            default -> null;
        };
        if (request == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(listing, model, chosen.failing(switch (mode) {
                case "seats" -> "Pick at least one seat on the map first.";
                case "best" -> "Choose how many seats you want.";
                default -> "Choose how many tickets you want first.";
            }));
        }
        try {
            var hold = inventory.hold(request);
            return "redirect:/holds/" + hold.id() + "?notice=held";
        } catch (SeatTaken e) {
            response.setStatus(e.status());
            var taken = e.seats().stream().map(SeatId::value).collect(Collectors.toSet());
            var kept = new LinkedHashSet<>(chosen.seats());
            kept.removeAll(taken);
            return page(listing, model, new HoldChoices(chosen.quantities(), kept, seatTaken(listing.plan(), taken),
                    taken));
        } catch (NotEnough e) {
            response.setStatus(e.status());
            return page(listing, model, chosen.failing(notEnough(listing, e)));
        } catch (BuyerLimitReached e) {
            response.setStatus(e.status());
            return page(listing, model, chosen.failing(e.getMessage()));
        } catch (UsherException e) {
            response.setStatus(e.status());
            return page(listing, model, chosen.failing(CatalogPages.message(messages, e)));
        }
    }

    /** What the buyer had chosen when a hold is refused, so the page shows it again with the reason. */
    record HoldChoices(Map<UUID, Integer> quantities, Set<UUID> seats, String failure, Set<UUID> taken) {

        static final HoldChoices NONE = new HoldChoices(Map.of(), Set.of(), null);

        HoldChoices(Map<UUID, Integer> quantities, Set<UUID> seats, String failure) {
            this(quantities, seats, failure, Set.of());
        }

        HoldChoices failing(String message) {
            return new HoldChoices(quantities, seats, message, taken);
        }
    }

    /** One ticket type as the event page lists it. */
    record TicketRow(UUID id, String name, String price, boolean seated, int available, boolean soldOut,
            int capacity, boolean onSale, String saleNote, int minPerOrder, int maxPerOrder, List<Integer> quantities,
            int chosen, String key) {
    }

    private String page(EventListing listing, Model model, HoldChoices choices) {
        var event = listing.event();
        var content = event.content();
        var availability = inventory.availability(event.id());
        var byType = availability.ticketTypes().stream()
                .collect(Collectors.toMap(t -> t.id().value(), Function.identity()));
        var now = clock.instant();
        var onSale = event.status().onSale();
        var rows = listing.ticketTypes().stream().map(type -> {
            var stock = byType.get(type.id().value());
            var available = stock == null ? 0 : stock.available();
            String saleNote = null;
            var selling = onSale;
            if (type.saleStartsAt() != null && now.isBefore(type.saleStartsAt())) {
                saleNote = "On sale from " + Formats.at(type.saleStartsAt(), event.schedule().zone());
                selling = false;
            } else if (type.saleEndsAt() != null && !now.isBefore(type.saleEndsAt())) {
                saleNote = "Sales have ended";
                selling = false;
            }
            var max = Math.min(type.maxPerOrder(), content.maxPerBuyer());
            var options = new ArrayList<Integer>();
            for (int n = type.minPerOrder(); n <= max; n++) {
                options.add(n);
            }
            return new TicketRow(type.id().value(), type.name(), Formats.money(type.price()), type.seated(), available,
                    available == 0, type.capacity(), selling, saleNote, type.minPerOrder(), max, options,
                    choices.quantities().getOrDefault(type.id().value(), 0), UUID.randomUUID().toString());
        }).toList();
        var states = new HashMap<UUID, Availability.SeatState>();
        availability.ticketTypes().forEach(type -> type.seats().forEach(s -> states.put(s.id().value(), s.state())));
        choices.taken().forEach(seat -> states.put(seat, Availability.SeatState.HELD));
        model.addAttribute("event", event);
        model.addAttribute("when", Formats.when(event.schedule()));
        model.addAttribute("startsAt", event.schedule().startsAt().toString());
        model.addAttribute("category", Formats.category(content.category()));
        model.addAttribute("status", Formats.status(event.status()));
        model.addAttribute("place", content.place());
        model.addAttribute("refundPolicy", content.refundDaysBefore() == null ? "No refunds"
                : "Full refund until " + Formats.at(event.schedule().startsAt().minus(
                        java.time.Duration.ofDays(content.refundDaysBefore())), event.schedule().zone()));
        model.addAttribute("venue", listing.venue());
        model.addAttribute("onSale", onSale);
        model.addAttribute("tickets", rows);
        model.addAttribute("generalAdmission", rows.stream().filter(r -> !r.seated()).toList());
        model.addAttribute("seatedTickets", rows.stream().filter(row -> row.seated()).toList());
        model.addAttribute("anyGeneralAdmissionSelling",
                rows.stream().anyMatch(r -> !r.seated() && r.onSale()));
        model.addAttribute("seatMap", listing.plan().isEmpty() ? null
                : SeatMap.forBuyers(listing.plan(), SeatMap.sellers(listing), states, choices.seats(), onSale));
        model.addAttribute("selectedSeats", choices.seats());
        model.addAttribute("failure", choices.failure());
        model.addAttribute("quantitiesKey", UUID.randomUUID().toString());
        model.addAttribute("seatsKey", UUID.randomUUID().toString());
        model.addAttribute("maxPerBuyer", content.maxPerBuyer());
        model.addAttribute("holdMinutes", content.holdMinutes());
        model.addAttribute("signedIn", CurrentUser.find().isPresent());
        return "catalog/event";
    }

    /** "Someone else has just taken Section A, row 1, seats 3 and 4." */
    static String seatTaken(SeatingPlan plan, Set<UUID> taken) {
        var names = new LinkedHashMap<String, List<String>>();
        for (var section : plan.sections()) {
            for (var row : section.rows()) {
                for (var seat : row.seats()) {
                    if (taken.contains(seat.id())) {
                        names.computeIfAbsent("Section " + section.name() + ", row " + row.label(),
                                key -> new ArrayList<>()).add(seat.label());
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return "Someone else has just taken some of these seats. Pick other seats.";
        }
        var parts = names.entrySet().stream().map(e -> e.getKey() + ", " + (e.getValue().size() == 1 ? "seat " : "seats ")
                + and(e.getValue())).toList();
        var count = names.values().stream().mapToInt(List::size).sum();
        return "Someone else has just taken " + String.join("; ", parts) + ". " + (count == 1
                ? "That seat is" : "Those seats are") + " no longer available: pick other seats.";
    }

    private static String notEnough(EventListing listing, NotEnough e) {
        var names = listing.ticketTypes().stream().collect(Collectors.toMap(TicketType::id, TicketType::name));
        var parts = e.remaining().entrySet().stream().sorted(Map.Entry.comparingByKey(
                (a, b) -> names.getOrDefault(a, "").compareTo(names.getOrDefault(b, ""))))
                .map(left -> left.getValue() == 0 ? names.getOrDefault(left.getKey(), "This ticket type") + " is sold out"
                        : "only " + left.getValue() + " left of " + names.getOrDefault(left.getKey(), "this ticket type"))
                .toList();
        var text = String.join("; ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ". Choose fewer tickets or another type.";
    }

    private static String and(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /** "ticket type id:count" pairs; anything malformed counts as nothing chosen. */
    private static Map<UUID, Integer> quantities(List<String> items) {
        var map = new LinkedHashMap<UUID, Integer>();
        for (var item : items) {
            var parts = item.split(":", 2);
            var type = parts.length == 2 ? CatalogPages.uuid(parts[0]) : null;
            if (type == null) {
                continue;
            }
            try {
                map.merge(type, Math.max(0, Integer.parseInt(parts[1].strip())), Integer::sum);
            } catch (NumberFormatException e) {
                // Not a count: nothing chosen for that type.
            }
        }
        return map;
    }

    private static EventCard card(EventSummary summary, Set<EventId> withStock) {
        var event = summary.event();
        var content = event.content();
        return new EventCard(event.id().value(), content.title(), Formats.category(content.category()),
                Formats.when(event.schedule()), event.schedule().startsAt().toString(), content.place(),
                summary.lowestPrice() == null ? null : Formats.money(summary.lowestPrice()),
                !withStock.contains(event.id()), event.status() == EventStatus.POSTPONED,
                content.imageUrl());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
