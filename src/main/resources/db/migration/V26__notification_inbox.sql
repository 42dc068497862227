-- In-app notifications (module notification): each person's inbox, newest first, read or not.
create table notification_inbox (
    id         uuid primary key,
    user_id    uuid        not null,
    kind       text        not null check (char_length(kind) between 1 and 100),
    title      text        not null check (char_length(title) between 1 and 300),
    body       text        not null,
    link       text,
    -- the event and recipient it came from: a retried listener does not notify twice
    source_key text        not null unique,
    created_at timestamptz not null,
    read_at    timestamptz
);
create index notification_inbox_user on notification_inbox (user_id, created_at desc, id);
create index notification_inbox_unread on notification_inbox (user_id) where read_at is null;
