package io.usher.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.catalog.EventCategory;
import io.usher.catalog.EventStatus;
import io.usher.catalog.VenueId;
import io.usher.common.EventId;
import io.usher.common.Money;
import io.usher.identity.OrganizationId;

/** Events in SQL, and the storefront's search over them (PostgreSQL full text on a generated column). */
@Repository
class EventStore {

    private static final String COLUMNS = """
            e.id, e.organization_id, e.title, e.description, e.description_html, e.category, e.venue_id,
            e.location, e.place, e.timezone, e.starts_local, e.ends_local, e.starts_at, e.ends_at, e.image_url,
            e.hold_minutes, e.max_per_buyer, e.tax_rate_basis_points, e.refund_days_before, e.status, e.created_at, e.updated_at, e.published_at""";

    private final JdbcClient jdbc;

    EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Event event) {
        jdbc.sql("""
                insert into catalog_events (id, organization_id, title, description, description_html, category,
                    venue_id, location, place, timezone, starts_local, ends_local, starts_at, ends_at, image_url,
                    hold_minutes, max_per_buyer, tax_rate_basis_points, refund_days_before, status, created_at, updated_at, published_at)
                values (:id, :organization, :title, :description, :descriptionHtml, :category, :venue, :location,
                    :place, :timezone, :startsLocal, :endsLocal, :startsAt, :endsAt, :imageUrl, :holdMinutes,
                    :maxPerBuyer, :taxRate, :refundDays, :status, :createdAt, :updatedAt, :publishedAt)
                """)
                .params(params(event)).update();
    }

    void update(Event event) {
        jdbc.sql("""
                update catalog_events set title = :title, description = :description,
                    description_html = :descriptionHtml, category = :category, venue_id = :venue,
                    location = :location, place = :place, timezone = :timezone, starts_local = :startsLocal,
                    ends_local = :endsLocal, starts_at = :startsAt, ends_at = :endsAt, image_url = :imageUrl,
                    hold_minutes = :holdMinutes, max_per_buyer = :maxPerBuyer, tax_rate_basis_points = :taxRate,
                    refund_days_before = :refundDays,
                    status = :status,
                    updated_at = :updatedAt, published_at = :publishedAt
                where id = :id
                """)
                .params(params(event)).update();
    }

    void delete(EventId id) {
        jdbc.sql("delete from catalog_events where id = :id").param("id", id.value()).update();
    }

    Optional<Event> find(EventId id) {
        return jdbc.sql("select " + COLUMNS + " from catalog_events e where e.id = :id").param("id", id.value())
                .query(EventStore::event).optional();
    }

    /** The event, locked against concurrent changes until the transaction ends. */
    Optional<Event> lock(EventId id) {
        return jdbc.sql("select " + COLUMNS + " from catalog_events e where e.id = :id for update")
                .param("id", id.value()).query(EventStore::event).optional();
    }

    int ticketTypeCount(EventId id) {
        return jdbc.sql("select count(*) from catalog_ticket_types where event_id = :id").param("id", id.value())
                .query(Integer.class).single();
    }

    boolean hasSeatedTicketTypes(EventId id) {
        return jdbc.sql("select exists (select 1 from catalog_ticket_types where event_id = :id and seated)")
                .param("id", id.value()).query(Boolean.class).single();
    }

    boolean venueInUse(VenueId venue) {
        return jdbc.sql("select exists (select 1 from catalog_events where venue_id = :venue)")
                .param("venue", venue.value()).query(Boolean.class).single();
    }

    long countOf(OrganizationId organization) {
        return jdbc.sql("select count(*) from catalog_events where organization_id = :organization")
                .param("organization", organization.value()).query(Long.class).single();
    }

    /** Keeps the searchable place of a venue's events in step with the venue's name and address. */
    void updatePlace(VenueId venue, String place) {
        jdbc.sql("update catalog_events set place = :place where venue_id = :venue")
                .param("venue", venue.value()).param("place", place).update();
    }

    /** What the storefront asks for; {@code null} filters are not applied. */
    record Browse(Instant fromInstant, LocalDate fromDate, Instant toInstant, LocalDate toDate,
            Instant notEndedAt, EventCategory category, String text, Set<EventId> onlyAmong, Sort sort, int page,
            int size) {
    }

    enum Sort { START, PRICE, TITLE }

    /** Published and postponed events matching every given filter. */
    Page<EventSummary> browse(Browse query) {
        var where = new StringBuilder("e.status in ('PUBLISHED', 'POSTPONED')");
        var params = new HashMap<String, Object>();
        if (query.fromInstant() != null) {
            where.append(" and e.starts_at >= :fromInstant");
            params.put("fromInstant", Timestamp.from(query.fromInstant()));
        }
        if (query.fromDate() != null) {
            where.append(" and e.starts_local >= :fromDate");
            params.put("fromDate", query.fromDate().atStartOfDay());
        }
        if (query.toInstant() != null) {
            where.append(" and e.starts_at <= :toInstant");
            params.put("toInstant", Timestamp.from(query.toInstant()));
        }
        if (query.toDate() != null) {
            where.append(" and e.starts_local < :toDateExclusive");
            params.put("toDateExclusive", query.toDate().plusDays(1).atStartOfDay());
        }
        if (query.notEndedAt() != null) {
            where.append(" and e.ends_at > :notEndedAt");
            params.put("notEndedAt", Timestamp.from(query.notEndedAt()));
        }
        if (query.category() != null) {
            where.append(" and e.category = :category");
            params.put("category", query.category().name());
        }
        if (query.text() != null) {
            where.append(" and e.search @@ websearch_to_tsquery('english', :text)");
            params.put("text", query.text());
        }
        if (query.onlyAmong() != null) {
            where.append(" and e.id = any(cast(:among as uuid[]))");
            params.put("among", query.onlyAmong().stream().map(EventId::toString).toArray(String[]::new));
        }
        var order = switch (query.sort()) {
            case START -> "e.starts_at, e.id";
            case PRICE -> "p.min_price nulls last, e.starts_at, e.id";
            case TITLE -> "lower(e.title), e.starts_at, e.id";
        };
        return page(where.toString(), params, order, query.page(), query.size());
    }

    /** The events of these organizations, drafts included, soonest first. */
    Page<EventSummary> ofOrganizations(Collection<OrganizationId> organizations, EventStatus status, int page,
            int size) {
        var where = new StringBuilder("e.organization_id = any(cast(:organizations as uuid[]))");
        var params = new HashMap<String, Object>();
        params.put("organizations", organizations.stream().map(OrganizationId::toString).toArray(String[]::new));
        if (status != null) {
            where.append(" and e.status = :status");
            params.put("status", status.name());
        }
        return page(where.toString(), params, "e.starts_at, e.id", page, size);
    }

    private Page<EventSummary> page(String where, Map<String, Object> params, String order, int page, int size) {
        long total = jdbc.sql("select count(*) from catalog_events e where " + where).params(params)
                .query(Long.class).single();
        var pageParams = new HashMap<>(params);
        pageParams.put("limit", size);
        pageParams.put("offset", (long) page * size);
        var items = jdbc.sql("select " + COLUMNS + """
                , v.name as venue_name, v.address as venue_address, p.min_price, p.currency
                from catalog_events e
                left join catalog_venues v on v.id = e.venue_id
                left join lateral (select min(t.price_minor) as min_price, min(t.currency) as currency
                                   from catalog_ticket_types t where t.event_id = e.id) p on true
                where\s""" + where + " order by " + order + " limit :limit offset :offset")
                .params(pageParams)
                .query((rs, n) -> new EventSummary(event(rs, n), rs.getString("venue_name"),
                        rs.getString("venue_address"), rs.getObject("min_price") == null ? null
                                : Money.of(rs.getLong("min_price"), rs.getString("currency").strip())))
                .list();
        return new Page<>(items, total, page, size);
    }

    private static Map<String, Object> params(Event event) {
        var content = event.content();
        var schedule = content.schedule();
        var params = new HashMap<String, Object>();
        params.put("id", event.id().value());
        params.put("organization", event.organization().value());
        params.put("title", content.title());
        params.put("description", content.description());
        params.put("descriptionHtml", content.descriptionHtml());
        params.put("category", content.category().name());
        params.put("venue", content.venue() == null ? null : content.venue().value());
        params.put("location", content.location());
        params.put("place", content.place());
        params.put("timezone", schedule.zone().getId());
        params.put("startsLocal", schedule.startsLocal());
        params.put("endsLocal", schedule.endsLocal());
        params.put("startsAt", Timestamp.from(schedule.startsAt()));
        params.put("endsAt", Timestamp.from(schedule.endsAt()));
        params.put("imageUrl", content.imageUrl());
        params.put("holdMinutes", content.holdMinutes());
        params.put("maxPerBuyer", content.maxPerBuyer());
        params.put("taxRate", content.taxRateBasisPoints());
        params.put("refundDays", content.refundDaysBefore());
        params.put("status", event.status().name());
        params.put("createdAt", Timestamp.from(event.createdAt()));
        params.put("updatedAt", Timestamp.from(event.updatedAt()));
        params.put("publishedAt", event.publishedAt() == null ? null : Timestamp.from(event.publishedAt()));
        return params;
    }

    static Event event(ResultSet rs, int row) throws SQLException {
        var venue = rs.getObject("venue_id", UUID.class);
        var schedule = new Schedule(ZoneId.of(rs.getString("timezone")),
                rs.getObject("starts_local", LocalDateTime.class), rs.getObject("ends_local", LocalDateTime.class),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant());
        var content = new Event.Content(rs.getString("title"), rs.getString("description"),
                rs.getString("description_html"), EventCategory.valueOf(rs.getString("category")),
                venue == null ? null : new VenueId(venue), rs.getString("location"), rs.getString("place"), schedule,
                rs.getString("image_url"), rs.getInt("hold_minutes"), rs.getInt("max_per_buyer"),
                rs.getInt("tax_rate_basis_points"), rs.getObject("refund_days_before", Integer.class));
        var published = rs.getTimestamp("published_at");
        return new Event(new EventId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)), content,
                EventStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), published == null ? null : published.toInstant());
    }
}
