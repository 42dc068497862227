package io.usher.order;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.common.EventId;
import io.usher.common.TicketTypeId;

/**
 * What an event has sold, for its organizers' dashboards (admission shows it next to check-ins). A ticket counts
 * as sold while its order is paid or partially refunded; an order refunded in full sells nothing. Amounts are in
 * minor units of the event's currency.
 */
@Service
public class Sales {

    private final JdbcClient jdbc;

    Sales(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An event's sales.
     *
     * @param currency {@code null} when nothing was ever paid for
     * @param revenueMinor what buyers paid, with fees and tax, less discounts and refunds
     * @param ticketTypes per ticket type that sold, by name
     */
    public record EventSales(EventId event, String currency, long ticketsSold, long revenueMinor,
            List<TypeSales> ticketTypes) {

        public EventSales {
            ticketTypes = List.copyOf(ticketTypes);
        }

        public TypeSales of(TicketTypeId type) {
            return ticketTypes.stream().filter(t -> t.ticketType().equals(type)).findFirst()
                    .orElse(new TypeSales(type, null, 0, 0));
        }
    }

    /**
     * One ticket type's sales.
     *
     * @param revenueMinor the sold tickets' prices and fees, before order-level discounts and tax (which do not
     *        belong to a ticket type), so the types' revenues need not add up to the event's
     */
    public record TypeSales(TicketTypeId ticketType, String name, long sold, long revenueMinor) {

        public TypeSales {
            Objects.requireNonNull(ticketType, "ticket type");
        }
    }

    @Transactional(readOnly = true)
    public EventSales of(EventId event) {
        var totals = jdbc.sql("""
                select min(currency) as currency, coalesce(sum(total_minor - refunded_minor), 0) as revenue
                from order_orders
                where event_id = :event and status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')
                """)
                .param("event", event.value())
                .query((rs, row) -> new Totals(rs.getString("currency"), rs.getLong("revenue"))).single();
        var types = jdbc.sql("""
                select l.ticket_type_id, min(l.ticket_type_name) as name, count(*) as sold,
                       sum(l.unit_price_minor + l.fee_minor) as revenue
                from order_lines l join order_orders o on o.id = l.order_id
                where o.event_id = :event and o.status in ('PAID', 'PARTIALLY_REFUNDED')
                group by l.ticket_type_id
                order by name
                """)
                .param("event", event.value())
                .query((rs, row) -> new TypeSales(new TicketTypeId(rs.getObject("ticket_type_id", UUID.class)),
                        rs.getString("name"), rs.getLong("sold"), rs.getLong("revenue")))
                .list();
        return new EventSales(event, totals.currency() == null ? null : totals.currency().strip(),
                types.stream().mapToLong(TypeSales::sold).sum(), totals.revenue(), types);
    }

    private record Totals(String currency, long revenue) {
    }
}
