-- Desk assignment, SLA monitor and auto-close (module desk).

-- Per-queue rule: a breached ticket goes to the least-loaded manager of its queue.
alter table desk_queues add column reassign_on_breach boolean not null default false;

-- When the assignee accepted the ticket; cleared whenever the assignee changes.
alter table desk_tickets add column assignee_accepted_at timestamptz;
-- Last thing that happened to the ticket (status change, reply …); auto-close counts from it or the resolution.
alter table desk_tickets add column last_activity_at timestamptz;
create index desk_tickets_resolved on desk_tickets (resolved_at) where status = 'RESOLVED';
create index desk_tickets_open_by_assignee on desk_tickets (assignee_id) where status not in ('RESOLVED', 'CLOSED');

-- An agent who is away gets no new tickets from round-robin; no row means available.
create table desk_agent_availability (
    user_id    uuid primary key,
    away       boolean     not null,
    updated_at timestamptz not null
);

-- The round-robin pointer of each queue: the agent who got the last ticket. Locked by the creating transaction.
create table desk_assignment_pointers (
    queue_id      uuid primary key references desk_queues (id) on delete cascade,
    last_agent_id uuid
);

-- When each SLA timer next needs the monitor: kept by every SLA event. breach_at is the due time of a running
-- timer; warning_at is never later than the real warning time (the monitor makes it exact when it gets there).
create table desk_sla_timers (
    ticket_id  uuid not null references desk_tickets (id),
    target     text not null check (target in ('FIRST_RESPONSE', 'RESOLUTION')),
    warning_at timestamptz,
    breach_at  timestamptz,
    primary key (ticket_id, target)
);
create index desk_sla_timers_warning on desk_sla_timers (warning_at) where warning_at is not null;
create index desk_sla_timers_breach on desk_sla_timers (breach_at) where breach_at is not null;

-- A timer warns at most once and breaches at most once, whichever instance's monitor gets there.
create unique index desk_sla_events_once on desk_sla_events (ticket_id, target, type) where type in ('WARNING', 'BREACH');

-- Timers of tickets opened before this migration.
insert into desk_sla_timers (ticket_id, target, warning_at, breach_at)
select e.ticket_id, e.target,
       case when e.due is null or exists (select 1 from desk_sla_events w where w.ticket_id = e.ticket_id
               and w.target = e.target and w.type in ('WARNING', 'BREACH')) then null
            else e.at + make_interval(secs => greatest(0, round(e.target_minutes * 48) - e.consumed_seconds)) end,
       case when e.due is null or exists (select 1 from desk_sla_events b where b.ticket_id = e.ticket_id
               and b.target = e.target and b.type = 'BREACH') then null
            else e.due end
from (select distinct on (ticket_id, target) * from desk_sla_events order by ticket_id, target, id desc) e;
