-- Desk conversation (module desk): comments (public replies and internal notes), their earlier versions, and the
-- attachments of tickets (the bytes are the attachment module's; desk keeps which ticket and comment they belong to).

create table desk_comments (
    id         uuid primary key,
    ticket_id  uuid        not null references desk_tickets (id),
    author_id  uuid        not null,
    visibility text        not null check (visibility in ('PUBLIC', 'INTERNAL')),
    by_agent   boolean     not null,
    body       text        not null check (char_length(body) between 1 and 20000),
    created_at timestamptz not null,
    edited_at  timestamptz
);
create index desk_comments_ticket on desk_comments (ticket_id, created_at, id);

-- Append-only: the body a comment had before each edit.
create table desk_comment_revisions (
    id         bigint generated always as identity primary key,
    comment_id uuid        not null references desk_comments (id),
    body       text        not null,
    written_at timestamptz not null,
    replaced_at timestamptz not null
);
create index desk_comment_revisions_comment on desk_comment_revisions (comment_id, id);

create table desk_ticket_attachments (
    attachment_id uuid primary key,
    ticket_id     uuid        not null references desk_tickets (id),
    comment_id    uuid        references desk_comments (id),
    uploader_id   uuid        not null,
    name          text        not null,
    content_type  text        not null,
    size          bigint      not null check (size > 0),
    created_at    timestamptz not null
);
create index desk_ticket_attachments_ticket on desk_ticket_attachments (ticket_id, created_at);
