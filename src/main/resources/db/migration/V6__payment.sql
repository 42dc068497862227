-- payment: payments taken through a gateway, their refunds, the gateway events already processed, fraud
-- blocks; and the built-in test gateway's own side (its sessions, refunds, webhook outbox and secret).
-- Owned by the payment module; other modules know a payment only by its id and their own reference.

-- One checkout attempt. A payment is SUCCEEDED only from a verified gateway confirmation; the refunded total
-- can never exceed the captured amount (the constraint, not only the code, says so).
create table payment_payments (
    id                uuid primary key,
    reference         varchar(100) not null,
    buyer_id          uuid         not null,
    buyer_email       varchar(254) not null,
    client_ip         varchar(45),
    description       varchar(200) not null,
    amount_minor      bigint       not null check (amount_minor > 0),
    currency          char(3)      not null,
    refunded_minor    bigint       not null default 0,
    status            varchar(20)  not null
        check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    gateway           varchar(20)  not null,
    gateway_session   varchar(255),
    gateway_reference varchar(255),
    redirect_url      text,
    return_url        text         not null,
    cancel_url        text         not null,
    idempotency_key   varchar(200) not null unique,
    request_hash      varchar(64)  not null,
    failure_reason    varchar(60),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    succeeded_at      timestamptz,
    failed_at         timestamptz,
    constraint payment_refunds_within_captured check (refunded_minor >= 0 and refunded_minor <= amount_minor),
    constraint payment_refunds_only_when_captured check (refunded_minor = 0 or status in ('PARTIALLY_REFUNDED', 'REFUNDED'))
);
create unique index payment_payments_session_idx on payment_payments (gateway, gateway_session);
create index payment_payments_gateway_ref_idx on payment_payments (gateway, gateway_reference);
create index payment_payments_reference_idx on payment_payments (reference);
create index payment_payments_buyer_idx on payment_payments (buyer_id, created_at);
create index payment_payments_ip_idx on payment_payments (client_ip, created_at) where client_ip is not null;

-- Refunds through the gateway that took the payment. REQUESTED reserves the amount before the gateway is
-- called (so two concurrent refunds cannot both pass the check); the gateway's refund id is kept.
create table payment_refunds (
    id                uuid primary key,
    payment_id        uuid         not null references payment_payments (id),
    amount_minor      bigint       not null check (amount_minor > 0),
    reason            varchar(200) not null,
    status            varchar(10)  not null check (status in ('REQUESTED', 'SUCCEEDED', 'FAILED')),
    gateway_reference varchar(255),
    idempotency_key   varchar(200),
    failure_reason    varchar(200),
    requested_by      uuid,
    created_at        timestamptz  not null,
    completed_at      timestamptz,
    unique (payment_id, idempotency_key),
    unique (payment_id, gateway_reference)
);

-- Every gateway event id processed once: a redelivered event finds its row and changes nothing.
create table payment_gateway_events (
    gateway     varchar(20)  not null,
    event_id    varchar(255) not null,
    type        varchar(80)  not null,
    payment_id  uuid,
    outcome     varchar(20)  not null,
    received_at timestamptz  not null,
    primary key (gateway, event_id)
);

-- Declined card attempts (fraud rule: too many in a row blocks the buyer for a while).
create table payment_declines (
    id          bigserial primary key,
    payment_id  uuid        not null references payment_payments (id),
    buyer_id    uuid        not null,
    reason      varchar(60) not null,
    declined_at timestamptz not null
);
create index payment_declines_buyer_idx on payment_declines (buyer_id, declined_at);

create table payment_blocks (
    id            bigserial primary key,
    buyer_id      uuid        not null,
    rule          varchar(30) not null,
    blocked_until timestamptz not null,
    created_at    timestamptz not null
);
create index payment_blocks_buyer_idx on payment_blocks (buyer_id, blocked_until);

-- The built-in test gateway, i.e. the other side of the wire: what a real gateway would keep on its servers.

create table payment_test_gateway_keys (
    id             smallint primary key check (id = 1),
    webhook_secret varchar(100) not null,
    created_at     timestamptz  not null
);

create table payment_test_sessions (
    id                varchar(40)  primary key,
    idempotency_key   varchar(200) not null unique,
    client_reference  varchar(100) not null,
    amount_minor      bigint       not null check (amount_minor > 0),
    currency          char(3)      not null,
    description       varchar(200) not null,
    customer_email    varchar(254) not null,
    return_url        text         not null,
    cancel_url        text         not null,
    status            varchar(12)  not null check (status in ('OPEN', 'PROCESSING', 'SUCCEEDED', 'DECLINED')),
    payment_reference varchar(40)  unique,
    failure_code      varchar(40),
    card_last4        char(4),
    refunded_minor    bigint       not null default 0,
    confirm_at        timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    constraint payment_test_refunds_within_paid check (refunded_minor >= 0 and refunded_minor <= amount_minor)
);
create index payment_test_sessions_due_idx on payment_test_sessions (confirm_at) where status = 'PROCESSING';

create table payment_test_refunds (
    id              varchar(40)  primary key,
    session_id      varchar(40)  not null references payment_test_sessions (id),
    amount_minor    bigint       not null check (amount_minor > 0),
    idempotency_key varchar(200) not null unique,
    client_refund   varchar(100),
    created_at      timestamptz  not null
);

-- Webhook outbox: written in the same transaction as the change it announces, delivered until acknowledged.
create table payment_test_webhooks (
    id              bigserial primary key,
    event_id        varchar(40)  not null unique,
    payload         text         not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    delivered_at    timestamptz,
    abandoned_at    timestamptz,
    last_error      varchar(300),
    created_at      timestamptz  not null
);
create index payment_test_webhooks_due_idx on payment_test_webhooks (next_attempt_at)
    where delivered_at is null and abandoned_at is null;
