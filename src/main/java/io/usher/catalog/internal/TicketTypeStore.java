package io.usher.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.catalog.VenueId;
import io.usher.common.EventId;
import io.usher.common.Money;
import io.usher.common.TicketTypeId;

/** Ticket types and the plan sections seated ones sell, in SQL. */
@Repository
class TicketTypeStore {

    private static final String SELECT = """
            select t.*, coalesce(array_agg(b.section_id order by b.section_id)
                                 filter (where b.section_id is not null), '{}') as sections
            from catalog_ticket_types t
            left join catalog_ticket_type_sections b on b.ticket_type_id = t.id
            """;

    private final JdbcClient jdbc;

    TicketTypeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TicketType type, Instant now) {
        jdbc.sql("""
                insert into catalog_ticket_types (id, event_id, name, price_minor, currency, seated, capacity,
                    sale_starts_at, sale_ends_at, min_per_order, max_per_order, position, fee_minor, created_at,
                    updated_at)
                values (:id, :event, :name, :price, :currency, :seated, :capacity, :saleStartsAt, :saleEndsAt,
                    :min, :max, :position, :fee, :now, :now)
                """)
                .params(params(type, now)).update();
        bind(type);
    }

    void update(TicketType type, Instant now) {
        jdbc.sql("""
                update catalog_ticket_types set name = :name, price_minor = :price, currency = :currency,
                    capacity = :capacity, sale_starts_at = :saleStartsAt, sale_ends_at = :saleEndsAt,
                    min_per_order = :min, max_per_order = :max, fee_minor = :fee, updated_at = :now
                where id = :id
                """)
                .params(params(type, now)).update();
        jdbc.sql("delete from catalog_ticket_type_sections where ticket_type_id = :id")
                .param("id", type.id().value()).update();
        bind(type);
    }

    /** A seated type's capacity follows its sections' seats when the venue's plan changes. */
    void updateCapacity(TicketTypeId id, int capacity, Instant now) {
        jdbc.sql("update catalog_ticket_types set capacity = :capacity, updated_at = :now where id = :id")
                .param("id", id.value()).param("capacity", capacity).param("now", Timestamp.from(now)).update();
    }

    void delete(TicketTypeId id) {
        jdbc.sql("delete from catalog_ticket_types where id = :id").param("id", id.value()).update();
    }

    Optional<TicketType> find(EventId event, TicketTypeId id) {
        return jdbc.sql(SELECT + " where t.id = :id and t.event_id = :event group by t.id")
                .param("id", id.value()).param("event", event.value()).query(TicketTypeStore::ticketType).optional();
    }

    List<TicketType> ofEvent(EventId event) {
        return jdbc.sql(SELECT + " where t.event_id = :event group by t.id order by t.position, t.created_at, t.id")
                .param("event", event.value()).query(TicketTypeStore::ticketType).list();
    }

    List<TicketType> ofEvents(Collection<EventId> events) {
        return jdbc.sql(SELECT + """
                 where t.event_id = any(cast(:events as uuid[]))
                group by t.id order by t.position, t.created_at, t.id
                """)
                .param("events", events.stream().map(EventId::toString).toArray(String[]::new))
                .query(TicketTypeStore::ticketType).list();
    }

    int nextPosition(EventId event) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from catalog_ticket_types where event_id = :event")
                .param("event", event.value()).query(Integer.class).single();
    }

    /** Seated ticket types of events that still sell or may, selling seats of this venue's plan. */
    List<TicketType> seatedAtVenue(VenueId venue) {
        return jdbc.sql(SELECT + """
                 join catalog_events e on e.id = t.event_id
                where e.venue_id = :venue and t.seated and e.status in ('DRAFT', 'PUBLISHED', 'POSTPONED')
                group by t.id order by t.id
                """)
                .param("venue", venue.value()).query(TicketTypeStore::ticketType).list();
    }

    /** Whether any ticket type (of any event) sells seats of these sections. */
    boolean anyBound(Collection<UUID> sections) {
        return jdbc.sql("""
                select exists (select 1 from catalog_ticket_type_sections where section_id = any(cast(:sections as uuid[])))
                """)
                .param("sections", sections.stream().map(UUID::toString).toArray(String[]::new))
                .query(Boolean.class).single();
    }

    /** Which ticket type of the event sells each bound section. */
    Map<UUID, TicketTypeId> sectionOwners(EventId event) {
        var owners = new HashMap<UUID, TicketTypeId>();
        jdbc.sql("select section_id, ticket_type_id from catalog_ticket_type_sections where event_id = :event")
                .param("event", event.value())
                .query(rs -> {
                    owners.put(rs.getObject("section_id", UUID.class),
                            new TicketTypeId(rs.getObject("ticket_type_id", UUID.class)));
                });
        return owners;
    }

    private void bind(TicketType type) {
        if (type.sections().isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into catalog_ticket_type_sections (ticket_type_id, event_id, section_id)
                select :type, :event, s from unnest(cast(:sections as uuid[])) as s
                """)
                .param("type", type.id().value()).param("event", type.event().value())
                .param("sections", type.sections().stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    private static Map<String, Object> params(TicketType type, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("id", type.id().value());
        params.put("event", type.event().value());
        params.put("name", type.name());
        params.put("price", type.price().minor());
        params.put("currency", type.price().currency().getCurrencyCode());
        params.put("seated", type.seated());
        params.put("capacity", type.capacity());
        params.put("saleStartsAt", type.saleStartsAt() == null ? null : Timestamp.from(type.saleStartsAt()));
        params.put("saleEndsAt", type.saleEndsAt() == null ? null : Timestamp.from(type.saleEndsAt()));
        params.put("min", type.minPerOrder());
        params.put("max", type.maxPerOrder());
        params.put("position", type.position());
        params.put("fee", type.fee());
        params.put("now", Timestamp.from(now));
        return params;
    }

    static TicketType ticketType(ResultSet rs, int row) throws SQLException {
        var sections = (UUID[]) rs.getArray("sections").getArray();
        var starts = rs.getTimestamp("sale_starts_at");
        var ends = rs.getTimestamp("sale_ends_at");
        return new TicketType(new TicketTypeId(rs.getObject("id", UUID.class)),
                new EventId(rs.getObject("event_id", UUID.class)), rs.getString("name"),
                Money.of(rs.getLong("price_minor"), rs.getString("currency").strip()), rs.getBoolean("seated"),
                rs.getInt("capacity"), Arrays.asList(sections), starts == null ? null : starts.toInstant(),
                ends == null ? null : ends.toInstant(), rs.getInt("min_per_order"), rs.getInt("max_per_order"),
                rs.getInt("position"), rs.getLong("fee_minor"));
    }
}
