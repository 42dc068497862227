-- inventory: what can be sold, what is held and sold, and the holds themselves. Owned by the inventory
-- module; catalog feeds it through the inventory API, nobody reads these tables but inventory.

-- Sale rules per event, as catalog last set them, and the reservation strategy its ticket types use (fixed
-- when the event is first defined, so switching the configured default never mixes two bookkeepings).
create table inventory_events (
    event_id      uuid primary key,
    strategy      varchar(12) not null check (strategy in ('row-lock', 'skip-locked', 'coalescing')),
    on_sale       boolean     not null default false,
    hold_seconds  integer     not null check (hold_seconds between 60 and 7200),
    max_per_buyer integer     not null check (max_per_buyer between 1 and 20),
    updated_at    timestamptz not null
);

-- One row per ticket type. The counters serve the row-lock and coalescing strategies; the check constraint
-- is the database's own guarantee that held + sold never exceeds capacity.
create table inventory_stock (
    ticket_type_id uuid primary key,
    event_id       uuid        not null references inventory_events (event_id),
    seated         boolean     not null,
    capacity       integer     not null check (capacity >= 0),
    held           integer     not null default 0,
    sold           integer     not null default 0,
    sale_starts_at timestamptz,
    sale_ends_at   timestamptz,
    min_per_order  integer     not null check (min_per_order >= 1),
    max_per_order  integer     not null check (max_per_order >= min_per_order),
    constraint inventory_stock_never_oversold check (held >= 0 and sold >= 0 and held + sold <= capacity)
);
create index inventory_stock_event_idx on inventory_stock (event_id);

-- skip-locked strategy: one row per general-admission unit; a unit has at most one holder by construction.
create table inventory_units (
    ticket_type_id uuid    not null references inventory_stock (ticket_type_id),
    unit_no        integer not null,
    hold_id        uuid,
    sold           boolean not null default false,
    primary key (ticket_type_id, unit_no)
);
create index inventory_units_free_idx on inventory_units (ticket_type_id, unit_no) where hold_id is null and not sold;

-- Seats of seated ticket types (every strategy): one row per seat and event, so within an event a seat
-- belongs to one ticket type and is held or sold at most once. A venue's seats sell again at its next event.
create table inventory_seats (
    event_id       uuid        not null,
    seat_id        uuid        not null,
    ticket_type_id uuid        not null references inventory_stock (ticket_type_id),
    section        varchar(40) not null,
    row_label      varchar(20) not null,
    row_order      integer     not null,
    number         integer     not null,
    accessible     boolean     not null default false,
    hold_id        uuid,
    sold           boolean     not null default false,
    primary key (event_id, seat_id),
    unique (ticket_type_id, section, row_label, number)
);
create index inventory_seats_free_idx on inventory_seats (ticket_type_id, section, row_order, number)
    where hold_id is null and not sold;
create index inventory_seats_hold_idx on inventory_seats (hold_id) where hold_id is not null;

create table inventory_holds (
    id         uuid primary key,
    event_id   uuid        not null,
    buyer_id   uuid        not null,
    status     varchar(10) not null check (status in ('ACTIVE', 'RELEASED', 'EXPIRED', 'CONFIRMED')),
    quantity   integer     not null check (quantity > 0),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    ended_at   timestamptz
);
create index inventory_holds_expiry_idx on inventory_holds (expires_at) where status = 'ACTIVE';
create index inventory_holds_buyer_idx on inventory_holds (buyer_id, created_at desc);

create table inventory_hold_items (
    hold_id        uuid    not null references inventory_holds (id),
    ticket_type_id uuid    not null,
    quantity       integer not null check (quantity > 0),
    primary key (hold_id, ticket_type_id)
);

create table inventory_hold_seats (
    hold_id        uuid not null references inventory_holds (id),
    seat_id        uuid not null,
    ticket_type_id uuid not null,
    primary key (hold_id, seat_id)
);

-- Tickets a buyer holds or bought per event, for the per-buyer limit (checked by a conditional upsert).
create table inventory_buyer_totals (
    event_id uuid    not null,
    buyer_id uuid    not null,
    quantity integer not null check (quantity between 0 and 20),
    primary key (event_id, buyer_id)
);

-- The answer given to each (buyer, Idempotency-Key), success or failure, replayed for a repeated request.
create table inventory_hold_requests (
    buyer_id        uuid         not null,
    idempotency_key varchar(100) not null,
    request_hash    varchar(64)  not null,
    status          integer      not null,
    response        text         not null,
    created_at      timestamptz  not null,
    primary key (buyer_id, idempotency_key)
);
