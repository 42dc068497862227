-- Satisfaction ratings (module desk): one per resolution of a ticket, by its requester.
create table desk_ticket_ratings (
    ticket_id   uuid        not null references desk_tickets (id),
    resolved_at timestamptz not null,
    rater_id    uuid        not null,
    score       smallint    not null check (score between 1 and 5),
    comment     text        check (char_length(comment) <= 2000),
    rated_at    timestamptz not null,
    primary key (ticket_id, resolved_at)
);
create index desk_ticket_ratings_rated on desk_ticket_ratings (rated_at);
