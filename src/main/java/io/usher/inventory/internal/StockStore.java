package io.usher.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.inventory.Availability;
import io.usher.inventory.SaleRules;
import io.usher.inventory.SeatDefinition;
import io.usher.inventory.StockDefinition;

/** Sale rules, stock rows, units and seats in SQL: what exists to be held, and what is left. */
@Repository
public class StockStore {

    private final JdbcClient jdbc;

    StockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An event's sale rules and strategy. */
    public record EventRules(UUID eventId, Strategy strategy, boolean onSale, Duration holdDuration,
            int maxPerBuyer) {
    }

    /** A ticket type's stock row. */
    public record StockRow(UUID ticketTypeId, UUID eventId, boolean seated, int capacity, int held, int sold,
            Instant saleStartsAt, Instant saleEndsAt, int minPerOrder, int maxPerOrder) {

        boolean sellingAt(Instant now) {
            return (saleStartsAt == null || !now.isBefore(saleStartsAt)) && (saleEndsAt == null || now.isBefore(saleEndsAt));
        }
    }

    /** A seat row: where it is and who has it. */
    public record SeatRow(UUID seatId, UUID ticketTypeId, String section, String row, int rowOrder, int number,
            boolean accessible, UUID holdId, boolean sold) {

        boolean free() {
            return holdId == null && !sold;
        }
    }

    void upsertRules(SaleRules rules, Strategy strategy, Instant now) {
        jdbc.sql("""
                insert into inventory_events (event_id, strategy, on_sale, hold_seconds, max_per_buyer, updated_at)
                values (:event, :strategy, :onSale, :hold, :max, :now)
                on conflict (event_id) do update set on_sale = excluded.on_sale, hold_seconds = excluded.hold_seconds,
                    max_per_buyer = excluded.max_per_buyer, updated_at = excluded.updated_at
                """)
                .param("event", rules.event().value()).param("strategy", strategy.id())
                .param("onSale", rules.onSale()).param("hold", (int) rules.holdDuration().toSeconds())
                .param("max", rules.maxTicketsPerBuyer()).param("now", Timestamp.from(now))
                .update();
    }

    /** @return whether the strategy changed (only possible before anything was ever held) */
    boolean changeStrategy(UUID event, Strategy strategy) {
        return jdbc.sql("""
                update inventory_events set strategy = :strategy
                where event_id = :event and not exists (select 1 from inventory_holds where event_id = :event)
                """)
                .param("event", event).param("strategy", strategy.id()).update() == 1;
    }

    public Optional<EventRules> rules(UUID event) {
        return jdbc.sql("select * from inventory_events where event_id = :event")
                .param("event", event)
                .query((rs, row) -> new EventRules(rs.getObject("event_id", UUID.class),
                        Strategy.of(rs.getString("strategy")), rs.getBoolean("on_sale"),
                        Duration.ofSeconds(rs.getInt("hold_seconds")), rs.getInt("max_per_buyer")))
                .optional();
    }

    public List<StockRow> stockOf(UUID event) {
        return jdbc.sql("select * from inventory_stock where event_id = :event order by ticket_type_id")
                .param("event", event).query(StockStore::stockRow).list();
    }

    Optional<StockRow> lockStock(UUID ticketType) {
        return jdbc.sql("select * from inventory_stock where ticket_type_id = :type for update")
                .param("type", ticketType).query(StockStore::stockRow).optional();
    }

    void insertStock(StockDefinition definition) {
        jdbc.sql("""
                insert into inventory_stock (ticket_type_id, event_id, seated, capacity, sale_starts_at, sale_ends_at,
                    min_per_order, max_per_order)
                values (:type, :event, :seated, :capacity, :starts, :ends, :min, :max)
                """)
                .param("type", definition.ticketType().value()).param("event", definition.event().value())
                .param("seated", definition.seated()).param("capacity", definition.capacity())
                .param("starts", ts(definition.saleStartsAt())).param("ends", ts(definition.saleEndsAt()))
                .param("min", definition.minPerOrder()).param("max", definition.maxPerOrder())
                .update();
    }

    /** Changes capacity and rules; the table's check refuses a capacity below held + sold. */
    void updateStock(StockDefinition definition) {
        jdbc.sql("""
                update inventory_stock set capacity = :capacity, sale_starts_at = :starts, sale_ends_at = :ends,
                    min_per_order = :min, max_per_order = :max
                where ticket_type_id = :type
                """)
                .param("type", definition.ticketType().value()).param("capacity", definition.capacity())
                .param("starts", ts(definition.saleStartsAt())).param("ends", ts(definition.saleEndsAt()))
                .param("min", definition.minPerOrder()).param("max", definition.maxPerOrder())
                .update();
    }

    /** skip-locked bookkeeping: adds units {@code from..to} (inclusive). */
    void addUnits(UUID ticketType, int from, int to) {
        if (to < from) {
            return;
        }
        jdbc.sql("""
                insert into inventory_units (ticket_type_id, unit_no)
                select :type, n from generate_series(:from, :to) as n
                """)
                .param("type", ticketType).param("from", from).param("to", to).update();
    }

    int maxUnit(UUID ticketType) {
        return jdbc.sql("select coalesce(max(unit_no), 0) from inventory_units where ticket_type_id = :type")
                .param("type", ticketType).query(Integer.class).single();
    }

    /** Removes up to {@code count} free units, the highest numbers first; returns how many it removed. */
    int removeFreeUnits(UUID ticketType, int count) {
        return jdbc.sql("""
                delete from inventory_units where (ticket_type_id, unit_no) in (
                    select ticket_type_id, unit_no from inventory_units
                    where ticket_type_id = :type and hold_id is null and not sold
                    order by unit_no desc limit :count for update)
                """)
                .param("type", ticketType).param("count", count).update();
    }

    int committedUnits(UUID ticketType) {
        return jdbc.sql("""
                select count(*) from inventory_units where ticket_type_id = :type and (hold_id is not null or sold)
                """)
                .param("type", ticketType).query(Integer.class).single();
    }

    List<SeatRow> seatsOf(UUID ticketType) {
        return jdbc.sql("select * from inventory_seats where ticket_type_id = :type")
                .param("type", ticketType).query(StockStore::seatRow).list();
    }

    void upsertSeats(UUID event, UUID ticketType, Collection<SeatDefinition> seats) {
        if (seats.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into inventory_seats (event_id, seat_id, ticket_type_id, section, row_label, row_order, number,
                    accessible)
                select :event, s.id, :type, s.section, s.row_label, s.row_order, s.number, s.accessible
                from unnest(cast(:ids as uuid[]), cast(:sections as text[]), cast(:rows as text[]),
                            cast(:orders as int[]), cast(:numbers as int[]), cast(:accessible as boolean[]))
                     as s(id, section, row_label, row_order, number, accessible)
                on conflict (event_id, seat_id) do update set section = excluded.section,
                    row_label = excluded.row_label, row_order = excluded.row_order, number = excluded.number,
                    accessible = excluded.accessible
                """)
                .param("event", event).param("type", ticketType)
                .param("ids", seats.stream().map(s -> s.id().toString()).toArray(String[]::new))
                .param("sections", seats.stream().map(SeatDefinition::section).toArray(String[]::new))
                .param("rows", seats.stream().map(SeatDefinition::row).toArray(String[]::new))
                .param("orders", seats.stream().map(SeatDefinition::rowOrder).toArray(Integer[]::new))
                .param("numbers", seats.stream().map(SeatDefinition::number).toArray(Integer[]::new))
                .param("accessible", seats.stream().map(SeatDefinition::accessible).toArray(Boolean[]::new))
                .update();
    }

    void removeSeats(UUID ticketType, Set<UUID> seatIds) {
        if (seatIds.isEmpty()) {
            return;
        }
        jdbc.sql("delete from inventory_seats where ticket_type_id = :type and seat_id = any(cast(:ids as uuid[]))")
                .param("type", ticketType)
                .param("ids", seatIds.stream().map(UUID::toString).toArray(String[]::new)).update();
    }

    /** Seats among {@code seats} that another ticket type of the event sells (a seat sells under one type). */
    Set<UUID> seatsOfOtherTypes(UUID event, UUID ticketType, Collection<SeatDefinition> seats) {
        return Set.copyOf(jdbc.sql("""
                select seat_id from inventory_seats
                where event_id = :event and seat_id = any(cast(:ids as uuid[])) and ticket_type_id <> :type
                """)
                .param("event", event).param("type", ticketType)
                .param("ids", seats.stream().map(s -> s.id().toString()).toArray(String[]::new))
                .query(UUID.class).list());
    }

    /** Tickets of this type in holds of any status (active, confirmed, ended). */
    int holdsOf(UUID ticketType) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from inventory_hold_items where ticket_type_id = :type")
                .param("type", ticketType).query(Integer.class).single();
    }

    void deleteStock(UUID ticketType) {
        jdbc.sql("delete from inventory_units where ticket_type_id = :type").param("type", ticketType).update();
        jdbc.sql("delete from inventory_seats where ticket_type_id = :type").param("type", ticketType).update();
        jdbc.sql("delete from inventory_stock where ticket_type_id = :type").param("type", ticketType).update();
    }

    /** What is left per ticket type of one event, counted the way its strategy keeps books. */
    List<Availability.TicketType> availability(UUID event, Strategy strategy) {
        var stock = stockOf(event);
        return stock.stream().map(row -> {
            if (row.seated()) {
                var seats = seatsOf(row.ticketTypeId()).stream()
                        .sorted(java.util.Comparator.comparing(SeatRow::section).thenComparingInt(SeatRow::rowOrder)
                                .thenComparingInt(SeatRow::number))
                        .map(seat -> new Availability.Seat(new io.usher.common.SeatId(seat.seatId()), seat.section(),
                                seat.row(), seat.number(), seat.accessible(),
                                seat.sold() ? Availability.SeatState.SOLD
                                        : seat.holdId() != null ? Availability.SeatState.HELD
                                        : Availability.SeatState.FREE))
                        .toList();
                var free = (int) seats.stream().filter(s -> s.state() == Availability.SeatState.FREE).count();
                return new Availability.TicketType(new io.usher.common.TicketTypeId(row.ticketTypeId()), true,
                        row.capacity(), free, seats);
            }
            var available = strategy == Strategy.SKIP_LOCKED
                    ? jdbc.sql("""
                            select count(*) from inventory_units
                            where ticket_type_id = :type and hold_id is null and not sold
                            """).param("type", row.ticketTypeId()).query(Integer.class).single()
                    : row.capacity() - row.held() - row.sold();
            return new Availability.TicketType(new io.usher.common.TicketTypeId(row.ticketTypeId()), false,
                    row.capacity(), available, List.of());
        }).toList();
    }

    /** Events on sale with at least one ticket left. */
    Set<UUID> eventsWithStockLeft() {
        return jdbc.sql("""
                select e.event_id from inventory_events e
                where e.on_sale and (
                    exists (select 1 from inventory_stock s where s.event_id = e.event_id and not s.seated
                            and e.strategy <> 'skip-locked' and s.held + s.sold < s.capacity)
                    or exists (select 1 from inventory_stock s join inventory_units u on u.ticket_type_id = s.ticket_type_id
                            where s.event_id = e.event_id and e.strategy = 'skip-locked'
                              and u.hold_id is null and not u.sold)
                    or exists (select 1 from inventory_stock s join inventory_seats t on t.ticket_type_id = s.ticket_type_id
                            where s.event_id = e.event_id and t.hold_id is null and not t.sold))
                """)
                .query(UUID.class).list().stream().collect(Collectors.toUnmodifiableSet());
    }

    static StockRow stockRow(ResultSet rs, int row) throws SQLException {
        return new StockRow(rs.getObject("ticket_type_id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getBoolean("seated"), rs.getInt("capacity"), rs.getInt("held"), rs.getInt("sold"),
                instant(rs, "sale_starts_at"), instant(rs, "sale_ends_at"), rs.getInt("min_per_order"),
                rs.getInt("max_per_order"));
    }

    static SeatRow seatRow(ResultSet rs, int row) throws SQLException {
        return new SeatRow(rs.getObject("seat_id", UUID.class), rs.getObject("ticket_type_id", UUID.class),
                rs.getString("section"), rs.getString("row_label"), rs.getInt("row_order"), rs.getInt("number"),
                rs.getBoolean("accessible"), rs.getObject("hold_id", UUID.class), rs.getBoolean("sold"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
