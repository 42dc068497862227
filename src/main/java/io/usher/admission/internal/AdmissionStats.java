package io.usher.admission.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.usher.catalog.CatalogEvent;
import io.usher.common.EventId;
import io.usher.common.TicketTypeId;
import io.usher.identity.CurrentUser;
import io.usher.order.Sales;

/**
 * An event's numbers for its organizers' dashboard: what sold (from the order module, which owns revenue), how
 * many came in, and the latest scans at the door with their refusals.
 */
@Service
public class AdmissionStats {

    static final int RECENT_SCANS = 20;

    private final DoorAccess access;
    private final TicketStore tickets;
    private final Sales sales;
    private final Clock clock;

    AdmissionStats(DoorAccess access, TicketStore tickets, Sales sales, Clock clock) {
        this.access = access;
        this.tickets = tickets;
        this.sales = sales;
        this.clock = clock;
    }

    /**
     * The event's numbers.
     *
     * @param currency the event's currency (of its sales, else of its prices; {@code null} without either)
     * @param validTickets the issued tickets that are not void: those that may still come in
     */
    public record Stats(CatalogEvent event, String currency, long ticketsSold, long revenueMinor, long checkedIn,
            long validTickets, long refusedScans, List<TypeStats> ticketTypes, List<Scan> recentScans, Instant at) {

        /** Checked-in share of the valid tickets, 0–100. */
        public double checkedInPercent() {
            return validTickets == 0 ? 0 : 100.0 * checkedIn / validTickets;
        }
    }

    /** One ticket type: sold and its revenue (prices and fees, see {@link Sales.TypeSales}), checked in. */
    public record TypeStats(UUID ticketTypeId, String name, long sold, long revenueMinor, long checkedIn) {
    }

    /** A scan at the door: {@code result} is {@code ADMITTED} or the refusal's code. */
    public record Scan(Instant scannedAt, String gate, String source, String result, String code, String holderName,
            String ticketTypeName) {

        public boolean admitted() {
            return "ADMITTED".equals(result);
        }
    }

    /** @throws io.usher.admission.EventNotFound also when the caller is not one of the event's organizers */
    public Stats of(CurrentUser organizer, EventId id) {
        var event = access.authorizeOrganizer(organizer, id);
        var sold = sales.of(id);
        var progress = tickets.progressByType(id).stream()
                .collect(Collectors.toMap(TicketStore.TypeProgress::ticketType, Function.identity()));
        var types = new ArrayList<TypeStats>();
        for (var offer : event.ticketTypes()) {
            types.add(type(offer.id(), offer.name(), sold, progress));
        }
        // types sold or issued that the catalog no longer lists (deleted after the sale) still count
        sold.ticketTypes().stream().map(Sales.TypeSales::ticketType)
                .filter(type -> event.ticketTypes().stream().noneMatch(o -> o.id().equals(type)))
                .forEach(type -> types.add(type(type, sold.of(type).name(), sold, progress)));
        var total = tickets.progress(id);
        var currency = sold.currency() != null ? sold.currency()
                : event.ticketTypes().stream().map(o -> o.price().currency().getCurrencyCode()).findFirst()
                        .orElse(null);
        return new Stats(event, currency, sold.ticketsSold(), sold.revenueMinor(), total.checkedIn(), total.valid(),
                tickets.refusedScans(id), types, tickets.recentScans(id, RECENT_SCANS), clock.instant());
    }

    private static TypeStats type(TicketTypeId type, String name, Sales.EventSales sold,
            Map<TicketTypeId, TicketStore.TypeProgress> progress) {
        var sales = sold.of(type);
        var admitted = progress.get(type);
        return new TypeStats(type.value(), name, sales.sold(), sales.revenueMinor(),
                admitted == null ? 0 : admitted.checkedIn());
    }
}
