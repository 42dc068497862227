package io.usher.catalog.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.usher.catalog.internal.EventQueries;
import io.usher.catalog.internal.TicketType;
import io.usher.common.Money;
import io.usher.identity.CurrentUser;
import io.usher.inventory.Hold;
import io.usher.inventory.HoldId;
import io.usher.inventory.HoldNotActive;
import io.usher.inventory.HoldNotFound;
import io.usher.inventory.Inventory;

/**
 * A buyer's hold: what is held, for how much, and for how long (a countdown in {@code static/js/countdown.js}).
 * Only its buyer sees it; anyone else is told there is no such page. Checkout comes with the order module.
 */
@Controller
class HoldPages {

    private final Inventory inventory;
    private final EventQueries queries;
    private final Clock clock;

    HoldPages(Inventory inventory, EventQueries queries, Clock clock) {
        this.inventory = inventory;
        this.queries = queries;
        this.clock = clock;
    }

    /** A ticket type's line: how many, at what price. */
    record Line(String name, int quantity, String unitPrice, String total, List<String> seats) {
    }

    @GetMapping("/holds/{id}")
    String show(@PathVariable UUID id, Model model) {
        var buyer = CurrentUser.find();
        if (buyer.isEmpty()) {
            return CatalogPages.signIn("/holds/" + id);
        }
        var hold = inventory.find(new HoldId(id), buyer.get().id()).orElseThrow(HoldNotFound::new);
        var listing = queries.listing(buyer.get(), hold.event());
        var event = listing.event();
        var zone = event.schedule().zone();
        var types = listing.ticketTypes().stream().collect(Collectors.toMap(TicketType::id, Function.identity()));
        var lines = new ArrayList<Line>();
        Money total = null;
        for (var item : hold.items()) {
            var type = types.get(item.ticketType());
            var seats = hold.seats().stream().filter(seat -> seat.ticketType().equals(item.ticketType()))
                    .map(seat -> "Section " + seat.section() + ", row " + seat.row() + ", seat " + seat.number())
                    .toList();
            if (type == null) {
                lines.add(new Line("Tickets no longer sold", item.quantity(), "", "", seats));
                continue;
            }
            var amount = type.price().times(item.quantity());
            total = total == null ? amount : new Money(Math.addExact(total.minor(), amount.minor()), amount.currency());
            lines.add(new Line(type.name(), item.quantity(), Formats.money(type.price()), Formats.money(amount),
                    seats));
        }
        var now = clock.instant();
        var state = hold.status() == Hold.Status.ACTIVE && !hold.expiresAt().isAfter(now) ? Hold.Status.EXPIRED
                : hold.status();
        model.addAttribute("hold", hold);
        model.addAttribute("state", state.name().toLowerCase());
        model.addAttribute("active", state == Hold.Status.ACTIVE);
        model.addAttribute("event", event);
        model.addAttribute("when", Formats.when(event.schedule()));
        model.addAttribute("place", event.content().place());
        model.addAttribute("lines", lines);
        model.addAttribute("total", total == null ? "" : Formats.money(total));
        model.addAttribute("tickets", Formats.count(hold.quantity(), "ticket", "tickets"));
        model.addAttribute("expiresAt", hold.expiresAt().toString());
        model.addAttribute("expiresAtText", Formats.time(hold.expiresAt(), zone));
        model.addAttribute("remainingMillis", Math.max(0, Duration.between(now, hold.expiresAt()).toMillis()));
        return "catalog/hold";
    }

    @PostMapping("/holds/{id}/release")
    String release(@PathVariable UUID id) {
        var buyer = CurrentUser.find();
        if (buyer.isEmpty()) {
            return CatalogPages.signIn("/holds/" + id);
        }
        var holdId = new HoldId(id);
        var hold = inventory.find(holdId, buyer.get().id()).orElseThrow(HoldNotFound::new);
        try {
            inventory.release(holdId, buyer.get().id());
        } catch (HoldNotActive e) {
            return "redirect:/holds/" + id + "?error=" + e.code();
        }
        return "redirect:/events/" + hold.event() + "?notice=hold-released";
    }
}
