-- Desk tickets (module desk): numbering, tickets, their SLA event log and field changes.

-- One row per year; taking a number updates the row in the ticket's transaction, so numbers have no gaps.
create table desk_ticket_counters (
    year       int primary key,
    last_value int not null check (last_value between 0 and 999999)
);

create table desk_tickets (
    id                 uuid primary key,
    number             text        not null unique,
    requester_id       uuid        not null,
    subject            text        not null check (char_length(subject) between 5 and 200),
    description        text        not null,
    category_id        uuid        not null references desk_categories (id),
    subcategory_id     uuid        references desk_categories (id),
    queue_id           uuid        not null references desk_queues (id),
    impact             text        check (impact in ('MINOR', 'MODERATE', 'MAJOR', 'CRITICAL')),
    urgency            text        check (urgency in ('LOW', 'MEDIUM', 'HIGH', 'IMMEDIATE')),
    priority           text        not null check (priority in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status             text        not null check (status in ('NEW', 'OPEN', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED',
                                                              'CLOSED', 'REOPENED')),
    resolution         text,
    custom_fields      jsonb       not null default '{}',
    assignee_id        uuid,
    first_response_due timestamptz,
    resolution_due     timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    resolved_at        timestamptz,
    check (status <> 'RESOLVED' or resolution is not null)
);
create index desk_tickets_requester on desk_tickets (requester_id, created_at desc);
create index desk_tickets_queue_due on desk_tickets (queue_id, resolution_due);

-- Append-only: rows are inserted, never updated or deleted.
create table desk_sla_events (
    id               bigint generated always as identity primary key,
    ticket_id        uuid        not null references desk_tickets (id),
    target           text        not null check (target in ('FIRST_RESPONSE', 'RESOLUTION')),
    type             text        not null check (type in ('START', 'PAUSE', 'RESUME', 'RETARGET', 'MET', 'WARNING',
                                                          'BREACH')),
    at               timestamptz not null,
    consumed_seconds bigint      not null check (consumed_seconds >= 0),
    target_minutes   int         not null check (target_minutes >= 1),
    due              timestamptz,
    reason           text        not null,
    explanation      text        not null
);
create index desk_sla_events_ticket on desk_sla_events (ticket_id, target, id);

create table desk_ticket_changes (
    id        bigint generated always as identity primary key,
    ticket_id uuid        not null references desk_tickets (id),
    actor_id  uuid        not null,
    at        timestamptz not null,
    field     text        not null,
    old_value text,
    new_value text
);
create index desk_ticket_changes_ticket on desk_ticket_changes (ticket_id, id);
