package io.usher.desk.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.desk.SlaEvent;
import io.usher.desk.SlaTarget;

/**
 * The append-only SLA event log in {@code desk_sla_events}: rows are inserted, never changed. Each append also
 * refreshes the timer's row in the {@link SlaSchedule} the monitor reads.
 */
@Repository
class SlaEventStore {

    private final JdbcClient jdbc;
    private final SlaSchedule schedule;

    SlaEventStore(JdbcClient jdbc, SlaSchedule schedule) {
        this.jdbc = jdbc;
        this.schedule = schedule;
    }

    void append(UUID ticket, SlaEvent event) {
        jdbc.sql("""
                insert into desk_sla_events (ticket_id, target, type, at, consumed_seconds, target_minutes, due, reason,
                    explanation)
                values (:ticket, :target, :type, :at, :consumed, :minutes, :due, :reason, :explanation)
                """).param("ticket", ticket).param("target", event.target().name()).param("type", event.type().name())
                .param("at", Timestamp.from(event.at())).param("consumed", event.consumed().toSeconds())
                .param("minutes", event.targetMinutes())
                .param("due", event.due() == null ? null : Timestamp.from(event.due()))
                .param("reason", event.reason()).param("explanation", event.explanation()).update();
        schedule.follow(ticket, event);
    }

    /** The ticket's events per timer, oldest first. */
    Map<SlaTarget, List<SlaEvent>> of(UUID ticket) {
        var events = jdbc.sql("""
                select target, type, at, consumed_seconds, target_minutes, due, reason, explanation
                from desk_sla_events where ticket_id = :ticket order by id
                """).param("ticket", ticket).query((rs, row) -> {
                    var due = rs.getTimestamp("due");
                    return new SlaEvent(SlaTarget.valueOf(rs.getString("target")),
                            SlaEvent.Type.valueOf(rs.getString("type")), rs.getTimestamp("at").toInstant(),
                            Duration.ofSeconds(rs.getLong("consumed_seconds")), rs.getLong("target_minutes"),
                            due == null ? null : due.toInstant(), rs.getString("reason"), rs.getString("explanation"));
                }).list();
        return events.stream().collect(Collectors.groupingBy(SlaEvent::target, () -> new EnumMap<>(SlaTarget.class),
                Collectors.toList()));
    }
}
