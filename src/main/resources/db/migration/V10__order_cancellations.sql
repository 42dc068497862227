-- Cancellations and refunds (module order).

-- Schedule changes of events, as catalog announced them: an order paid before one may always be cancelled.
create table order_postponements (
    event_id     uuid        not null,
    starts_at    timestamptz not null,
    postponed_at timestamptz not null,
    primary key (event_id, postponed_at)
);

-- One row per order being (or having been) cancelled: the claim that lets one instance refund it, the refund's
-- amount fixed at the first claim, and the attempt number in its refund's idempotency key (raised only after the
-- gateway refused, so no money moved under the previous key).
create table order_cancellations (
    order_id        uuid primary key references order_orders (id),
    event_id        uuid        not null,
    origin          text        not null check (origin in ('BUYER', 'EVENT')),
    actor_id        uuid,
    reason          text        not null,
    state           text        not null check (state in ('OPEN', 'CLAIMED', 'DONE')),
    attempt         int         not null default 0 check (attempt >= 0),
    amount_minor    bigint      check (amount_minor >= 0),
    claimed_until   timestamptz,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    completed_at    timestamptz,
    check ((state = 'CLAIMED') = (claimed_until is not null))
);
create index order_cancellations_open on order_cancellations (event_id, created_at) where state <> 'DONE';

-- The job that cancels every paid order of a cancelled event; resumed by a schedule until nothing is left.
create table order_event_cancellations (
    event_id         uuid primary key,
    status           text        not null check (status in ('RUNNING', 'COMPLETED')),
    orders_total     int         not null default 0,
    orders_cancelled int         not null default 0,
    orders_failing   int         not null default 0,
    orders_released  int         not null default 0,
    refunded_minor   bigint      not null default 0,
    started_at       timestamptz not null,
    updated_at       timestamptz not null,
    completed_at     timestamptz
);
create index order_event_cancellations_running on order_event_cancellations (started_at) where status = 'RUNNING';
