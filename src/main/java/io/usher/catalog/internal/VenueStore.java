package io.usher.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.catalog.VenueId;
import io.usher.identity.OrganizationId;

/**
 * Venues and their seating plans in SQL. Plans are written in bulk (one statement per level), because a
 * stadium has tens of thousands of seats and an aggregate rewrite per change would not do.
 */
@Repository
class VenueStore {

    private final JdbcClient jdbc;

    VenueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Venue venue) {
        jdbc.sql("""
                insert into catalog_venues (id, organization_id, name, address, timezone, capacity, created_at, updated_at)
                values (:id, :organization, :name, :address, :timezone, :capacity, :createdAt, :updatedAt)
                """)
                .params(params(venue)).update();
    }

    void update(Venue venue) {
        jdbc.sql("""
                update catalog_venues set name = :name, address = :address, timezone = :timezone,
                    capacity = :capacity, updated_at = :updatedAt
                where id = :id
                """)
                .params(params(venue)).update();
    }

    void delete(VenueId id) {
        jdbc.sql("delete from catalog_venues where id = :id").param("id", id.value()).update();
    }

    Optional<Venue> find(UUID id) {
        return jdbc.sql("select * from catalog_venues where id = :id").param("id", id).query(VenueStore::venue)
                .optional();
    }

    /** The venue, locked against changes until the transaction ends (plan edits, venue changes). */
    Optional<Venue> lock(UUID id) {
        return jdbc.sql("select * from catalog_venues where id = :id for update").param("id", id)
                .query(VenueStore::venue).optional();
    }

    /** The venue, kept from changing (but readable and share-lockable by others) until the transaction ends. */
    Optional<Venue> lockShared(UUID id) {
        return jdbc.sql("select * from catalog_venues where id = :id for share").param("id", id)
                .query(VenueStore::venue).optional();
    }

    List<Venue> ofOrganizations(Collection<OrganizationId> organizations) {
        return jdbc.sql("""
                select * from catalog_venues where organization_id = any(cast(:organizations as uuid[]))
                order by lower(name), id
                """)
                .param("organizations", organizations.stream().map(OrganizationId::toString).toArray(String[]::new))
                .query(VenueStore::venue).list();
    }

    SeatingPlan plan(VenueId venue) {
        record Line(UUID sectionId, String sectionName, int sectionPosition, UUID rowId, String rowLabel,
                int rowPosition, UUID seatId, int number, String seatLabel, boolean accessible) {
        }
        var lines = jdbc.sql("""
                select s.id as section_id, s.name as section_name, s.position as section_position,
                       r.id as row_id, r.label as row_label, r.position as row_position,
                       t.id as seat_id, t.number, t.label as seat_label, t.accessible
                from catalog_sections s
                left join catalog_rows r on r.section_id = s.id
                left join catalog_seats t on t.row_id = r.id
                where s.venue_id = :venue
                order by s.position, s.id, r.position, r.id, t.number
                """)
                .param("venue", venue.value())
                .query((rs, n) -> new Line(rs.getObject("section_id", UUID.class), rs.getString("section_name"),
                        rs.getInt("section_position"), rs.getObject("row_id", UUID.class), rs.getString("row_label"),
                        rs.getInt("row_position"), rs.getObject("seat_id", UUID.class), rs.getInt("number"),
                        rs.getString("seat_label"), rs.getBoolean("accessible")))
                .list();
        var sections = new LinkedHashMap<UUID, Line>();
        var rowsBySection = new LinkedHashMap<UUID, LinkedHashMap<UUID, Line>>();
        var seatsByRow = new LinkedHashMap<UUID, List<SeatingPlan.Seat>>();
        for (var line : lines) {
            sections.putIfAbsent(line.sectionId(), line);
            var rows = rowsBySection.computeIfAbsent(line.sectionId(), id -> new LinkedHashMap<>());
            if (line.rowId() != null) {
                rows.putIfAbsent(line.rowId(), line);
                var seats = seatsByRow.computeIfAbsent(line.rowId(), id -> new ArrayList<>());
                if (line.seatId() != null) {
                    seats.add(new SeatingPlan.Seat(line.seatId(), line.number(), line.seatLabel(), line.accessible()));
                }
            }
        }
        return new SeatingPlan(sections.values().stream().map(section -> new SeatingPlan.Section(section.sectionId(),
                section.sectionName(), section.sectionPosition(), rowsBySection.get(section.sectionId()).values().stream()
                        .map(row -> new SeatingPlan.Row(row.rowId(), row.rowLabel(), row.rowPosition(),
                                seatsByRow.getOrDefault(row.rowId(), List.of())))
                        .toList()))
                .toList());
    }

    void insertSections(VenueId venue, List<SeatingPlan.Section> sections) {
        if (sections.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into catalog_sections (id, venue_id, name, position)
                select s.id, :venue, s.name, s.position
                from unnest(cast(:ids as uuid[]), cast(:names as text[]), cast(:positions as int[])) as s(id, name, position)
                """)
                .param("venue", venue.value())
                .param("ids", sections.stream().map(s -> s.id().toString()).toArray(String[]::new))
                .param("names", sections.stream().map(SeatingPlan.Section::name).toArray(String[]::new))
                .param("positions", sections.stream().map(SeatingPlan.Section::position).toArray(Integer[]::new))
                .update();
        for (var section : sections) {
            insertRows(section.id(), section.rows());
        }
    }

    void insertRows(UUID section, List<SeatingPlan.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into catalog_rows (id, section_id, label, position)
                select r.id, :section, r.label, r.position
                from unnest(cast(:ids as uuid[]), cast(:labels as text[]), cast(:positions as int[])) as r(id, label, position)
                """)
                .param("section", section)
                .param("ids", rows.stream().map(r -> r.id().toString()).toArray(String[]::new))
                .param("labels", rows.stream().map(SeatingPlan.Row::label).toArray(String[]::new))
                .param("positions", rows.stream().map(SeatingPlan.Row::position).toArray(Integer[]::new))
                .update();
        var seatRows = new ArrayList<UUID>();
        var seats = new ArrayList<SeatingPlan.Seat>();
        rows.forEach(row -> row.seats().forEach(seat -> {
            seatRows.add(row.id());
            seats.add(seat);
        }));
        insertSeats(seatRows, seats);
    }

    void insertSeats(UUID row, List<SeatingPlan.Seat> seats) {
        insertSeats(seats.stream().map(seat -> row).toList(), seats);
    }

    private void insertSeats(List<UUID> rows, List<SeatingPlan.Seat> seats) {
        if (seats.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into catalog_seats (id, row_id, number, label, accessible)
                select t.id, t.row_id, t.number, t.label, t.accessible
                from unnest(cast(:ids as uuid[]), cast(:rows as uuid[]), cast(:numbers as int[]),
                            cast(:labels as text[]), cast(:accessible as boolean[])) as t(id, row_id, number, label, accessible)
                """)
                .param("ids", seats.stream().map(s -> s.id().toString()).toArray(String[]::new))
                .param("rows", rows.stream().map(UUID::toString).toArray(String[]::new))
                .param("numbers", seats.stream().map(SeatingPlan.Seat::number).toArray(Integer[]::new))
                .param("labels", seats.stream().map(SeatingPlan.Seat::label).toArray(String[]::new))
                .param("accessible", seats.stream().map(SeatingPlan.Seat::accessible).toArray(Boolean[]::new))
                .update();
    }

    void deleteSections(VenueId venue) {
        jdbc.sql("delete from catalog_sections where venue_id = :venue").param("venue", venue.value()).update();
    }

    void renameSection(UUID section, String name) {
        jdbc.sql("update catalog_sections set name = :name where id = :id").param("id", section).param("name", name)
                .update();
    }

    void deleteSection(UUID section) {
        jdbc.sql("delete from catalog_sections where id = :id").param("id", section).update();
    }

    void renameRow(UUID row, String label) {
        jdbc.sql("update catalog_rows set label = :label where id = :id").param("id", row).param("label", label)
                .update();
    }

    void deleteRow(UUID row) {
        jdbc.sql("delete from catalog_rows where id = :id").param("id", row).update();
    }

    void changeSeat(UUID seat, String label, boolean accessible) {
        jdbc.sql("update catalog_seats set label = :label, accessible = :accessible where id = :id")
                .param("id", seat).param("label", label).param("accessible", accessible).update();
    }

    void deleteSeat(UUID seat) {
        jdbc.sql("delete from catalog_seats where id = :id").param("id", seat).update();
    }

    private static java.util.Map<String, Object> params(Venue venue) {
        var params = new java.util.HashMap<String, Object>();
        params.put("id", venue.id().value());
        params.put("organization", venue.organization().value());
        params.put("name", venue.name());
        params.put("address", venue.address());
        params.put("timezone", venue.timezone().getId());
        params.put("capacity", venue.capacity());
        params.put("createdAt", Timestamp.from(venue.createdAt()));
        params.put("updatedAt", Timestamp.from(venue.updatedAt()));
        return params;
    }

    static Venue venue(ResultSet rs, int row) throws SQLException {
        return new Venue(new VenueId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("name"),
                rs.getString("address"), ZoneId.of(rs.getString("timezone")), rs.getInt("capacity"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
