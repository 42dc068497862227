-- Attachments (module attachment): blobs once per content, and each upload naming one.

create table attachment_blobs (
    sha256       text        primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    size         bigint      not null check (size > 0),
    content_type text        not null,
    created_at   timestamptz not null
);

create table attachments (
    id           uuid primary key,
    sha256       text        not null references attachment_blobs (sha256),
    name         text        not null check (char_length(name) between 1 and 255),
    content_type text        not null,
    size         bigint      not null check (size > 0),
    owner_id     uuid        not null,
    created_at   timestamptz not null
);
create index attachments_sha256 on attachments (sha256);
