-- identity: users, roles, sessions, refresh tokens, one-time tokens, organizations, signing keys.
create table identity_users (
    id                uuid primary key,
    email             varchar(254) not null,
    password_hash     varchar(100) not null,
    display_name      varchar(100) not null,
    roles             text[]       not null default '{CUSTOMER}',
    active            boolean      not null default true,
    email_verified_at timestamptz,
    failed_logins     integer      not null default 0 check (failed_logins >= 0),
    locked_until      timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    constraint identity_users_roles_known check (roles <@ array['ADMIN','ORGANIZER','DOOR_STAFF','AGENT','MANAGER','CUSTOMER']::text[])
);
create unique index identity_users_email_uq on identity_users (lower(email));

-- A session is one signed-in device; its refresh tokens rotate, its id travels in access tokens as "sid".
create table identity_sessions (
    id             uuid primary key,
    seq            bigint generated always as identity,
    user_id        uuid         not null references identity_users (id),
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    last_used_at   timestamptz  not null,
    revoked_at     timestamptz,
    revoked_reason varchar(40),
    user_agent     varchar(255),
    ip             varchar(64)
);
create index identity_sessions_user_idx on identity_sessions (user_id, seq) where revoked_at is null;

-- Only hashes are stored; a token is presented once more after rotation only by a thief or a racing tab.
create table identity_refresh_tokens (
    token_hash  bytea primary key,
    session_id  uuid        not null references identity_sessions (id),
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    rotated_at  timestamptz
);
create index identity_refresh_tokens_session_idx on identity_refresh_tokens (session_id);

create table identity_one_time_tokens (
    token_hash bytea primary key,
    user_id    uuid        not null references identity_users (id),
    purpose    varchar(20) not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index identity_one_time_tokens_user_idx on identity_one_time_tokens (user_id, purpose);

create table identity_organizations (
    id         uuid primary key,
    name       varchar(120) not null,
    kind       varchar(20)  not null check (kind in ('ORGANIZER', 'SUPPORT')),
    created_at timestamptz  not null,
    version    integer      not null default 0
);
create unique index identity_organizations_name_uq on identity_organizations (lower(name));

create table identity_memberships (
    organization_id uuid        not null references identity_organizations (id) on delete cascade,
    user_id         uuid        not null references identity_users (id),
    role            varchar(20) not null check (role in ('OWNER', 'MEMBER')),
    added_at        timestamptz not null,
    primary key (organization_id, user_id)
);
create index identity_memberships_user_idx on identity_memberships (user_id);

-- The HMAC key that signs access tokens, shared by every instance through the database unless
-- usher.identity.jwt-secret is set.
create table identity_signing_keys (
    id         smallint primary key check (id = 1),
    secret     bytea       not null,
    created_at timestamptz not null
);
