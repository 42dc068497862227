-- Desk administration (module desk): business calendars, SLA policies, queues, categories, custom fields.

create table desk_calendars (
    id         uuid primary key,
    name       text        not null check (char_length(name) between 1 and 100),
    timezone   text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create unique index desk_calendars_name on desk_calendars (lower(name));

-- Opening intervals in the calendar's wall-clock time: minutes since midnight, [from, to), 1440 = 24:00.
create table desk_calendar_hours (
    calendar_id uuid     not null references desk_calendars (id) on delete cascade,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    from_minute smallint not null check (from_minute between 0 and 1439),
    to_minute   smallint not null check (to_minute between 1 and 1440),
    check (from_minute < to_minute),
    primary key (calendar_id, day_of_week, from_minute)
);

create table desk_calendar_holidays (
    calendar_id uuid not null references desk_calendars (id) on delete cascade,
    date        date not null,
    name        text not null check (char_length(name) between 1 and 200),
    primary key (calendar_id, date)
);

create table desk_queues (
    id               uuid primary key,
    organization_id  uuid        not null,
    name             text        not null check (char_length(name) between 1 and 100),
    calendar_id      uuid        not null references desk_calendars (id),
    assignment_mode  text        not null check (assignment_mode in ('ROUND_ROBIN', 'LEAST_LOADED')),
    auto_close_hours int         not null default 72 check (auto_close_hours between 1 and 8760),
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create unique index desk_queues_name on desk_queues (organization_id, lower(name));
create index desk_queues_calendar on desk_queues (calendar_id);

create table desk_queue_members (
    queue_id uuid not null references desk_queues (id) on delete cascade,
    user_id  uuid not null,
    role     text not null check (role in ('MANAGER', 'AGENT')),
    primary key (queue_id, user_id, role)
);
create index desk_queue_members_user on desk_queue_members (user_id);

create table desk_categories (
    id               uuid primary key,
    parent_id        uuid        references desk_categories (id),
    name             text        not null check (char_length(name) between 1 and 100),
    default_queue_id uuid        references desk_queues (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    -- a top-level category always routes somewhere; a subcategory may inherit its parent's queue
    check (parent_id is not null or default_queue_id is not null)
);
create unique index desk_categories_name on desk_categories (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
create index desk_categories_queue on desk_categories (default_queue_id);

create table desk_custom_fields (
    category_id uuid     not null references desk_categories (id) on delete cascade,
    key         text     not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    position    smallint not null,
    label       text     not null check (char_length(label) between 1 and 100),
    type        text     not null check (type in ('TEXT', 'NUMBER', 'DATE', 'SELECT', 'BOOLEAN')),
    required    boolean  not null,
    options     text[]   not null default '{}',
    check ((type = 'SELECT') = (cardinality(options) > 0)),
    primary key (category_id, key)
);

create table desk_sla_policies (
    id                     uuid primary key,
    priority               text not null check (priority in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    category_id            uuid references desk_categories (id) on delete cascade,
    first_response_minutes int  not null check (first_response_minutes between 1 and 527040),
    resolution_minutes     int  not null check (resolution_minutes between 1 and 527040),
    check (first_response_minutes <= resolution_minutes),
    unique nulls not distinct (priority, category_id)
);
