-- Desk ticket relations (module desk): the box-office order a ticket is about, watchers, tags and links.

-- An order of the order module, checked through its API when the ticket is opened (no foreign key across modules).
alter table desk_tickets add column order_id uuid;

-- People told about public replies as the requester is; only people who may see the ticket.
create table desk_ticket_watchers (
    ticket_id uuid        not null references desk_tickets (id),
    user_id   uuid        not null,
    added_by  uuid        not null,
    added_at  timestamptz not null,
    primary key (ticket_id, user_id)
);
create index desk_ticket_watchers_user on desk_ticket_watchers (user_id);

-- Free-text labels, lower-case; the application keeps at most 20 per ticket. Indexed by tag for filtered views.
create table desk_ticket_tags (
    ticket_id uuid not null references desk_tickets (id),
    tag       text not null check (char_length(tag) between 1 and 50 and tag = lower(tag)),
    primary key (ticket_id, tag)
);
create index desk_ticket_tags_tag on desk_ticket_tags (tag, ticket_id);

-- One row per link, in one direction: BLOCKED_BY is kept as the other ticket's BLOCKS, RELATED with the smaller id
-- first; the other ticket shows the inverse.
create table desk_ticket_links (
    from_ticket_id uuid        not null references desk_tickets (id),
    type           text        not null check (type in ('DUPLICATE_OF', 'BLOCKS', 'RELATED')),
    to_ticket_id   uuid        not null references desk_tickets (id),
    created_by     uuid        not null,
    created_at     timestamptz not null,
    check (from_ticket_id <> to_ticket_id),
    check (type <> 'RELATED' or from_ticket_id < to_ticket_id),
    primary key (from_ticket_id, type, to_ticket_id)
);
create index desk_ticket_links_to on desk_ticket_links (to_ticket_id);
