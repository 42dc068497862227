-- Admission: tickets, the events' signing keys and the scans at the door (module admission).

-- One Ed25519 key pair per event: the private half signs ticket tokens, the public half goes to door devices.
create table admission_event_keys (
    event_id    uuid primary key,
    public_key  bytea       not null check (length(public_key) = 32),
    private_key bytea       not null check (length(private_key) = 32),
    created_at  timestamptz not null
);

create table admission_tickets (
    id               uuid primary key,
    -- the human-friendly code for manual entry, stored without separators
    code             text        not null unique check (code ~ '^[0-9A-Z]{10}$'),
    event_id         uuid        not null,
    order_id         uuid        not null,
    position         int         not null,
    buyer_id         uuid        not null,
    buyer_name       text        not null,
    buyer_email      text        not null,
    ticket_type_id   uuid        not null,
    ticket_type_name text        not null,
    seat_id          uuid,
    seat_label       text,
    holder_name      text        not null,
    -- raised on every re-issue (holder change); tokens of older versions are refused
    version          int         not null default 1 check (version >= 1),
    status           text        not null check (status in ('VALID', 'VOIDED')),
    void_reason      text,
    checked_in_at    timestamptz,
    checked_in_gate  text,
    checked_in_by    uuid,
    issued_at        timestamptz not null,
    updated_at       timestamptz not null,
    -- an order issues each of its tickets once, whatever the listener retries
    unique (order_id, position),
    check ((checked_in_at is null) = (checked_in_gate is null))
);
create index admission_tickets_buyer on admission_tickets (buyer_id, issued_at desc);
create index admission_tickets_event on admission_tickets (event_id, ticket_type_id);
create index admission_tickets_order on admission_tickets (order_id);

create table admission_holder_changes (
    id          bigint generated always as identity primary key,
    ticket_id   uuid        not null references admission_tickets (id),
    from_name   text        not null,
    to_name     text        not null,
    new_version int         not null,
    actor_id    uuid        not null,
    at          timestamptz not null
);
create index admission_holder_changes_ticket on admission_holder_changes (ticket_id, id);

-- Every scan, admitted or refused, online or uploaded from an offline device.
create table admission_scans (
    id          bigint generated always as identity primary key,
    event_id    uuid        not null,
    ticket_id   uuid,
    gate        text        not null,
    device      text,
    staff_id    uuid        not null,
    source      text        not null check (source in ('ONLINE', 'OFFLINE')),
    result      text        not null,
    scanned_at  timestamptz not null,
    recorded_at timestamptz not null
);
create index admission_scans_event on admission_scans (event_id, id desc);
create index admission_scans_ticket on admission_scans (ticket_id) where ticket_id is not null;
