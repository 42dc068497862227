package io.usher.admission.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.usher.admission.AlreadyCheckedIn;
import io.usher.admission.ForgedTicket;
import io.usher.admission.MalformedTicket;
import io.usher.admission.TicketId;
import io.usher.admission.TicketNotFound;
import io.usher.admission.TicketReissued;
import io.usher.admission.TicketVoided;
import io.usher.admission.WrongEvent;
import io.usher.catalog.CatalogEvent;
import io.usher.common.EventId;
import io.usher.common.UsherException;
import io.usher.identity.CurrentUser;

/**
 * Check-in at the door, online and from devices that scanned offline. A ticket is admitted by one conditional
 * update of its row (see {@link TicketStore#admit}), so it is admitted exactly once however many gates scan it
 * at the same moment; every scan, admitted or refused, is logged.
 *
 * <p>Deliberately not one transaction: the admitting statement is atomic by itself, and a refused scan is logged
 * even though the request then fails.
 */
@Service
public class CheckIns {

    /** How far ahead of the server's clock an offline device's clock may run before its times are not believed. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final TicketStore tickets;
    private final EventKeys keys;
    private final DoorAccess door;
    private final Clock clock;

    CheckIns(TicketStore tickets, EventKeys keys, DoorAccess door, Clock clock) {
        this.tickets = tickets;
        this.keys = keys;
        this.door = door;
        this.clock = clock;
    }

    /** What was scanned: exactly one of a typed code or a QR token. */
    public record Scanned(String code, String qrToken) {
    }

    /**
     * Admits the ticket at {@code gate}.
     *
     * @throws AlreadyCheckedIn with when and where it was admitted before
     * @throws UsherException for every other refusal, each with its own code
     */
    public Ticket checkIn(CurrentUser staff, EventId event, Scanned scanned, String gate, String device) {
        door.authorize(staff, event);
        var now = clock.instant();
        return admit(event, scanned, new TicketStore.Scan(gate, device, staff.id().value(), "ONLINE", now, now));
    }

    /** One scan an offline device made and uploads later. */
    public record OfflineScan(Scanned scanned, String gate, Instant scannedAt) {
    }

    /**
     * The outcome of one uploaded scan: {@code ADMITTED}; {@code CONFLICT} when the ticket had already been admitted
     * (the person may have got in twice: {@code checkedInAt}/{@code gate} say where first); or {@code REFUSED}
     * with the same code an online scan would get (the device let in someone it should not have).
     */
    public record OfflineResult(int index, String outcome, UUID ticketId, String code, String detail,
            Instant checkedInAt, String gate) {
    }

    /**
     * Records scans made offline, in the order given; each gets its own outcome, none fails the others. Uploading
     * the same scans again (same ticket, gate and time) answers ADMITTED again, so a device that lost the answer
     * can simply retry.
     */
    public List<OfflineResult> upload(CurrentUser staff, EventId event, String device, List<OfflineScan> scans) {
        door.authorize(staff, event);
        var now = clock.instant();
        var results = new ArrayList<OfflineResult>(scans.size());
        for (int i = 0; i < scans.size(); i++) {
            var scan = scans.get(i);
            var at = scan.scannedAt().isAfter(now.plus(CLOCK_SKEW)) ? now : scan.scannedAt();
            try {
                var ticket = admit(event, scan.scanned(),
                        new TicketStore.Scan(scan.gate(), device, staff.id().value(), "OFFLINE", at, now));
                results.add(new OfflineResult(i, "ADMITTED", ticket.id().value(), null, null, ticket.checkedInAt(),
                        ticket.checkedInGate()));
            } catch (AlreadyCheckedIn first) {
                if (first.checkedInAt().equals(at.truncatedTo(ChronoUnit.MICROS)) && first.gate().equals(scan.gate())) {
                    // this very scan, uploaded again (the device did not get the first answer): not a second entry
                    results.add(new OfflineResult(i, "ADMITTED", null, null, null, first.checkedInAt(), first.gate()));
                } else {
                    results.add(new OfflineResult(i, "CONFLICT", null, first.code(), first.getMessage(),
                            first.checkedInAt(), first.gate()));
                }
            } catch (UsherException refused) {
                results.add(new OfflineResult(i, "REFUSED", null, refused.code(), refused.getMessage(), null, null));
            }
        }
        return results;
    }

    private Ticket admit(EventId event, Scanned scanned, TicketStore.Scan scan) {
        var target = resolve(event, scanned, scan);
        var admitted = tickets.admit(target.ticket(), event, target.version(), scan);
        if (admitted.isPresent()) {
            return admitted.get();
        }
        var ticket = tickets.find(target.ticket()).orElse(null);
        var refusal = refusal(event, target, ticket);
        tickets.logRefused(event, ticket == null ? null : ticket.id(), scan, refusal.code());
        throw refusal;
    }

    private record Target(TicketId ticket, Integer version) {
    }

    private Target resolve(EventId event, Scanned scanned, TicketStore.Scan scan) {
        var hasCode = scanned.code() != null && !scanned.code().isBlank();
        var hasToken = scanned.qrToken() != null && !scanned.qrToken().isBlank();
        try {
            if (hasCode == hasToken) {
                throw new MalformedTicket();
            }
            if (hasCode) {
                var code = TicketCodes.normalize(scanned.code()).orElseThrow(MalformedTicket::new);
                var ticket = tickets.findByCode(code).orElseThrow(TicketNotFound::new);
                return new Target(ticket.id(), null);
            }
            var signed = TicketToken.parse(scanned.qrToken().strip()).orElseThrow(MalformedTicket::new);
            var tokenEvent = new EventId(signed.token().event());
            if (!tokenEvent.equals(event)) {
                throw new WrongEvent(tokenEvent);
            }
            if (!keys.find(event).map(key -> key.verify(signed)).orElse(false)) {
                throw new ForgedTicket();
            }
            return new Target(new TicketId(signed.token().ticket()), signed.token().version());
        } catch (UsherException refused) {
            tickets.logRefused(event, null, scan, refused.code());
            throw refused;
        }
    }

    private static UsherException refusal(EventId event, Target target, Ticket ticket) {
        if (ticket == null) {
            // a token signed with the event's key for a ticket that does not exist: only a leaked key does that
            return new TicketNotFound();
        }
        if (!ticket.event().equals(event)) {
            return new WrongEvent(ticket.event());
        }
        if (ticket.status() == Ticket.Status.VOIDED) {
            return new TicketVoided(ticket.voidReason());
        }
        if (target.version() != null && target.version() != ticket.version()) {
            return new TicketReissued();
        }
        if (ticket.checkedIn()) {
            return new AlreadyCheckedIn(ticket.checkedInAt(), ticket.checkedInGate(), ticket.holderName());
        }
        // it changed between the two reads (re-issued or voided just now): the caller may scan again
        return new TicketReissued();
    }

    /**
     * The event whose door the caller works (for the scanner page).
     *
     * @throws io.usher.admission.EventNotFound no such event
     * @throws io.usher.admission.NotDoorStaff not the caller's door
     */
    public CatalogEvent door(CurrentUser staff, EventId event) {
        return door.authorize(staff, event);
    }

    /** The events whose door the caller may work, soonest first. */
    public List<CatalogEvent> doors(CurrentUser staff) {
        return door.workable(staff);
    }

    /** How many of the event's valid tickets are checked in, of how many (the door's running count). */
    public Progress progress(EventId event) {
        return tickets.progress(event);
    }

    /** How many of an event's valid tickets are checked in, of how many. */
    public record Progress(long checkedIn, long valid) {
    }

    /** What a door device needs to check tickets without a connection. */
    public record Manifest(UUID eventId, String title, Instant startsAt, String algorithm, String publicKey,
            String tokenFormat, Instant generatedAt, List<UUID> voidedTicketIds, List<ManifestTicket> tickets) {
    }

    /** A valid ticket: a token of another version than {@code version} is refused, as online. */
    public record ManifestTicket(UUID id, String code, int version, String holderName, String ticketType,
            String seat, Instant checkedInAt) {
    }

    public Manifest manifest(CurrentUser staff, EventId event) {
        var catalogEvent = door.authorize(staff, event);
        var key = keys.of(event);
        return new Manifest(event.value(), catalogEvent.title(), catalogEvent.startsAt(), "Ed25519",
                Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey()),
                "U1.<base64url, no padding, of: 0x01, event id (16 bytes), ticket id (16 bytes), version "
                        + "(int32 big-endian), Ed25519 signature (64 bytes) of the 37 bytes before it>",
                clock.instant(), tickets.voided(event),
                tickets.valid(event).stream().map(t -> new ManifestTicket(t.id().value(), t.displayCode(), t.version(),
                        t.holderName(), t.ticketTypeName(), t.seatLabel(), t.checkedInAt())).toList());
    }
}
