-- catalog: venues and their seating plans, events, ticket types. Owned by the catalog module; other modules
-- learn about them through the catalog API and its events, and inventory gets the sellable stock through its
-- own API in the same transaction. Nobody else reads these tables.

create table catalog_venues (
    id              uuid primary key,
    organization_id uuid         not null,
    name            varchar(200) not null,
    address         varchar(500) not null,
    timezone        varchar(64)  not null,
    capacity        integer      not null check (capacity between 1 and 1000000),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index catalog_venues_organization_idx on catalog_venues (organization_id, lower(name));

-- A seating plan: sections, their rows front to back (position), the seats of a row along it (number).
-- Ids are stable: editing the plan never renumbers what stays.
create table catalog_sections (
    id       uuid primary key,
    venue_id uuid        not null references catalog_venues (id) on delete cascade,
    name     varchar(40) not null,
    position integer     not null
);
create unique index catalog_sections_name_uq on catalog_sections (venue_id, lower(name));

create table catalog_rows (
    id         uuid primary key,
    section_id uuid        not null references catalog_sections (id) on delete cascade,
    label      varchar(20) not null,
    position   integer     not null
);
create unique index catalog_rows_label_uq on catalog_rows (section_id, lower(label));

create table catalog_seats (
    id         uuid primary key,
    row_id     uuid        not null references catalog_rows (id) on delete cascade,
    number     integer     not null check (number between 1 and 10000),
    label      varchar(20) not null,
    accessible boolean     not null default false,
    unique (row_id, number)
);

-- Events. Start and end are kept as the organizer gave them (local to the event's time zone) and as
-- instants; "place" is the searchable where (the venue's name and address, or the free-text location).
create table catalog_events (
    id               uuid primary key,
    organization_id  uuid          not null,
    title            varchar(200)  not null,
    description      text          not null default '' check (length(description) <= 10000),
    description_html text          not null default '',
    category         varchar(12)   not null
        check (category in ('CONCERT', 'SPORTS', 'THEATER', 'CONFERENCE', 'FESTIVAL', 'OTHER')),
    venue_id         uuid references catalog_venues (id),
    location         varchar(300),
    place            varchar(800)  not null,
    timezone         varchar(64)   not null,
    starts_local     timestamp     not null,
    ends_local       timestamp     not null,
    starts_at        timestamptz   not null,
    ends_at          timestamptz   not null,
    image_url        varchar(2000),
    hold_minutes     integer       not null default 15 check (hold_minutes between 1 and 120),
    max_per_buyer    integer       not null default 10 check (max_per_buyer between 1 and 20),
    status           varchar(10)   not null
        check (status in ('DRAFT', 'PUBLISHED', 'POSTPONED', 'CANCELLED', 'COMPLETED')),
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    published_at     timestamptz,
    search           tsvector generated always as (
                         setweight(to_tsvector('english', title), 'A')
                         || setweight(to_tsvector('english', place), 'B')
                         || setweight(to_tsvector('english', description), 'C')) stored,
    constraint catalog_events_venue_or_location check ((venue_id is null) <> (location is null)),
    constraint catalog_events_ends_after_start check (ends_at > starts_at)
);
create index catalog_events_search_idx on catalog_events using gin (search);
create index catalog_events_listed_idx on catalog_events (starts_at) where status in ('PUBLISHED', 'POSTPONED');
create index catalog_events_organization_idx on catalog_events (organization_id, starts_at);
create index catalog_events_venue_idx on catalog_events (venue_id) where venue_id is not null;

create table catalog_ticket_types (
    id             uuid primary key,
    event_id       uuid         not null references catalog_events (id) on delete cascade,
    name           varchar(100) not null,
    price_minor    bigint       not null check (price_minor between 0 and 100000000000),
    currency       char(3)      not null,
    seated         boolean      not null,
    capacity       integer      not null check (capacity between 0 and 1000000),
    sale_starts_at timestamptz,
    sale_ends_at   timestamptz,
    min_per_order  integer      not null,
    max_per_order  integer      not null,
    position       integer      not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint catalog_ticket_types_order_limits
        check (min_per_order >= 1 and max_per_order >= min_per_order and max_per_order <= 20),
    constraint catalog_ticket_types_sale_window
        check (sale_starts_at is null or sale_ends_at is null or sale_ends_at > sale_starts_at)
);
create unique index catalog_ticket_types_name_uq on catalog_ticket_types (event_id, lower(name));

-- A seated ticket type sells the seats of whole sections; a section (so every seat) belongs to at most one
-- ticket type of an event, which the unique constraint guarantees whatever the application does.
create table catalog_ticket_type_sections (
    ticket_type_id uuid not null references catalog_ticket_types (id) on delete cascade,
    event_id       uuid not null,
    section_id     uuid not null references catalog_sections (id),
    primary key (ticket_type_id, section_id),
    constraint catalog_ticket_type_sections_one_type_per_seat unique (event_id, section_id)
);
create index catalog_ticket_type_sections_section_idx on catalog_ticket_type_sections (section_id);
