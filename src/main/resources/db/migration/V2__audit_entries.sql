-- audit: who did what, when. Append-only; no module but audit reads it.
create table audit_entries (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null,
    action         varchar(60)  not null,
    actor_id       uuid,
    subject        varchar(200),
    ip             varchar(64),
    correlation_id varchar(64),
    details        jsonb        not null default '{}'
);
create index audit_entries_occurred_idx on audit_entries (occurred_at desc);
create index audit_entries_actor_idx on audit_entries (actor_id, occurred_at desc);
create index audit_entries_action_idx on audit_entries (action, occurred_at desc);
