package io.usher.desk.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.desk.SlaClock;
import io.usher.desk.SlaEvent;
import io.usher.desk.SlaTarget;

/**
 * When each running SLA timer next needs the monitor, in {@code desk_sla_timers}: {@code breach_at} is its due time,
 * {@code warning_at} when it reaches the warning share. Every appended SLA event refreshes its timer's row, so the
 * monitor finds due timers through an index instead of replaying every log.
 *
 * <p>An event alone does not know the calendar, so after an event {@code warning_at} is a lower bound: the event's
 * instant plus the business time still to go before the warning, counted as wall-clock time (business time never runs
 * faster than that). The monitor replays the timer when that time comes and either warns or stores the exact time.
 */
@Repository
class SlaSchedule {

    private final JdbcClient jdbc;

    SlaSchedule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Follows an event just appended to the log (the caller holds the ticket's row lock). */
    void follow(UUID ticket, SlaEvent event) {
        Instant warning = null;
        if (event.due() != null) {
            var threshold = Duration.ofSeconds(Math.round(event.targetMinutes() * 60 * SlaClock.WARNING_SHARE));
            var toGo = threshold.minus(event.consumed());
            warning = toGo.isNegative() ? event.at() : event.at().plus(toGo);
        }
        jdbc.sql("""
                insert into desk_sla_timers (ticket_id, target, warning_at, breach_at)
                select :ticket, :target,
                    case when exists (select 1 from desk_sla_events e where e.ticket_id = :ticket and e.target = :target
                        and e.type in ('WARNING', 'BREACH')) then null else cast(:warning as timestamptz) end,
                    case when exists (select 1 from desk_sla_events e where e.ticket_id = :ticket and e.target = :target
                        and e.type = 'BREACH') then null else cast(:due as timestamptz) end
                on conflict (ticket_id, target) do update set warning_at = excluded.warning_at,
                    breach_at = excluded.breach_at
                """).param("ticket", ticket).param("target", event.target().name())
                .param("warning", timestamp(warning)).param("due", timestamp(event.due())).update();
    }

    /** Stores the exact times the monitor worked out (none for a timer that is paused, met, warned or breached). */
    void set(UUID ticket, SlaTarget target, Instant warningAt, Instant breachAt) {
        jdbc.sql("""
                update desk_sla_timers set warning_at = :warning, breach_at = :breach
                where ticket_id = :ticket and target = :target
                """).param("ticket", ticket).param("target", target.name()).param("warning", timestamp(warningAt))
                .param("breach", timestamp(breachAt)).update();
    }

    /**
     * Locks up to {@code limit} tickets with a timer due for a warning or breach by {@code now}, skipping those another
     * transaction holds (another instance's monitor, or someone changing the ticket): each is checked by one.
     */
    List<UUID> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                select t.id from desk_tickets t
                where t.id in (select ticket_id from desk_sla_timers where warning_at <= :now
                               union select ticket_id from desk_sla_timers where breach_at <= :now)
                limit :limit
                for update of t skip locked
                """).param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
