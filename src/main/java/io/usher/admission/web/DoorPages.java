package io.usher.admission.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.usher.admission.AlreadyCheckedIn;
import io.usher.admission.internal.CheckIns;
import io.usher.admission.internal.Ticket;
import io.usher.catalog.CatalogEvent;
import io.usher.common.EventId;
import io.usher.common.UsherException;
import io.usher.identity.CurrentUser;

/**
 * The door: the events door staff can work, and the scanner page of one, where a QR code read by the device's
 * camera or a code typed by hand admits a ticket. A scan is a plain form post (the page re-renders with the
 * result) or, with htmx, swaps in the result and the running count only. Signed in by cookie, like every page.
 */
@Controller
class DoorPages {

    static final String TOKEN_PREFIX = "U1.";
    private static final int MAX_GATE = 50;
    private static final int MAX_TICKET = 200;
    /** Refusals that mean the page itself is not the caller's, not that the ticket is bad. */
    private static final Set<String> NOT_YOUR_DOOR = Set.of("admission.not_door_staff", "admission.event_not_found");

    private final CheckIns checkIns;
    private final Clock clock;

    DoorPages(CheckIns checkIns, Clock clock) {
        this.checkIns = checkIns;
        this.clock = clock;
    }

    /** One event in the door's list. */
    record DoorEvent(UUID id, String title, String when, boolean past) {
    }

    /**
     * What a scan came to: green (admitted) or red with the reason.
     *
     * @param detail for a refusal, what to do or, for a ticket already admitted, when and where
     */
    record ScanResult(boolean admitted, String headline, String holder, String ticketType, String seat,
            String detail, String code) {
    }

    @GetMapping("/door")
    String events(Model model) {
        var now = clock.instant();
        model.addAttribute("events", checkIns.doors(CurrentUser.require()).stream()
                .sorted(Comparator.comparing((CatalogEvent e) -> e.endsAt().isBefore(now))
                        .thenComparing(e -> e.endsAt().isBefore(now) ? now.toEpochMilli() - e.startsAt().toEpochMilli()
                                : e.startsAt().toEpochMilli()))
                .map(e -> new DoorEvent(e.id().value(), e.title(), when(e), e.endsAt().isBefore(now)))
                .toList());
        return "admission/door-events";
    }

    @GetMapping("/door/events/{id}")
    String scanner(@PathVariable UUID id, @RequestParam(defaultValue = "") String gate, Model model) {
        var event = checkIns.door(CurrentUser.require(), new EventId(id));
        return page(event, clip(gate, MAX_GATE), null, model);
    }

    @PostMapping("/door/events/{id}/checkins")
    String checkIn(@PathVariable UUID id, @RequestParam(defaultValue = "") String ticket,
            @RequestParam(defaultValue = "") String gate,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var staff = CurrentUser.require();
        var event = checkIns.door(staff, new EventId(id));
        var cleanGate = clip(gate, MAX_GATE);
        var result = scan(staff, event, ticket.strip(), cleanGate);
        if (htmx != null) {
            model.addAttribute("result", result);
            model.addAttribute("progress", checkIns.progress(event.id()));
            return "admission/door :: scanned";
        }
        return page(event, cleanGate, result, model);
    }

    private ScanResult scan(CurrentUser staff, CatalogEvent event, String typed, String gate) {
        if (gate.isBlank()) {
            return refused("Set the gate first", "Enter this gate's name (for example North), then scan again.", null);
        }
        if (typed.isEmpty() || typed.length() > MAX_TICKET) {
            return refused("No ticket code", "Type the code printed under the QR code, like 7KQ4-M9XP-T2.", null);
        }
        var scanned = typed.startsWith(TOKEN_PREFIX) ? new CheckIns.Scanned(null, typed)
                : new CheckIns.Scanned(typed, null);
        try {
            return admitted(checkIns.checkIn(staff, event.id(), scanned, gate, "door page"));
        } catch (AlreadyCheckedIn first) {
            return new ScanResult(false, "Already checked in", first.holderName(), null, null,
                    "at " + time(first.checkedInAt(), event) + ", gate " + first.gate(), first.code());
        } catch (UsherException refused) {
            if (NOT_YOUR_DOOR.contains(refused.code())) {
                throw refused;
            }
            return refused(Refusals.headline(refused.code()), refused.getMessage(), refused.code());
        }
    }

    private static ScanResult admitted(Ticket ticket) {
        return new ScanResult(true, "Admitted", ticket.holderName(), ticket.ticketTypeName(), ticket.seatLabel(),
                null, "admission.admitted");
    }

    private static ScanResult refused(String headline, String detail, String code) {
        return new ScanResult(false, headline, null, null, null, detail, code);
    }

    private String page(CatalogEvent event, String gate, ScanResult result, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("when", when(event));
        model.addAttribute("gate", gate);
        model.addAttribute("result", result);
        model.addAttribute("progress", checkIns.progress(event.id()));
        return "admission/door";
    }

    private static String when(CatalogEvent event) {
        var zone = ZoneId.of(event.timezone());
        return DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.UK).format(event.startsAt().atZone(zone))
                + " (" + zone.getId() + ")";
    }

    /** A time at the door, in the event's time zone: the date only when it is not the event's first day. */
    private static String time(Instant at, CatalogEvent event) {
        var zone = ZoneId.of(event.timezone());
        var local = at.atZone(zone);
        var sameDay = local.toLocalDate().equals(event.startsAt().atZone(zone).toLocalDate());
        return DateTimeFormatter.ofPattern(sameDay ? "HH:mm:ss" : "HH:mm:ss 'on' EEE d MMM", Locale.UK).format(local);
    }

    private static String clip(String value, int max) {
        var stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
