-- Orders and coupons (module order).

create table order_coupons (
    id                 uuid primary key,
    event_id           uuid        not null,
    code               text        not null check (char_length(code) between 3 and 50),
    kind               text        not null check (kind in ('PERCENT', 'FIXED')),
    percent            int         check (percent between 1 and 100),
    amount_minor       bigint      check (amount_minor > 0),
    currency           char(3),
    ticket_type_ids    uuid[]      not null default '{}',
    max_uses           int         check (max_uses between 1 and 10000),
    uses               int         not null default 0 check (uses >= 0),
    valid_from         timestamptz,
    valid_until        timestamptz,
    min_subtotal_minor bigint      not null default 0 check (min_subtotal_minor >= 0),
    created_at         timestamptz not null,
    -- the last word on exhaustion: a use beyond the maximum cannot be committed
    check (max_uses is null or uses <= max_uses),
    check ((kind = 'PERCENT') = (percent is not null)),
    check ((kind = 'FIXED') = (amount_minor is not null and currency is not null))
);
create unique index order_coupons_code on order_coupons (event_id, lower(code));

create table order_orders (
    id              uuid primary key,
    event_id        uuid        not null,
    buyer_id        uuid        not null,
    hold_id         uuid        not null,
    idempotency_key text        not null,
    buyer_name      text        not null,
    buyer_email     text        not null,
    status          text        not null check (status in ('PENDING_PAYMENT', 'PAID', 'PARTIALLY_REFUNDED',
                                                           'REFUNDED', 'CANCELLED', 'EXPIRED', 'FAILED')),
    currency        char(3)     not null,
    subtotal_minor  bigint      not null check (subtotal_minor >= 0),
    discount_minor  bigint      not null check (discount_minor >= 0),
    fees_minor      bigint      not null check (fees_minor >= 0),
    tax_rate_bp     int         not null check (tax_rate_bp between 0 and 10000),
    tax_minor       bigint      not null check (tax_minor >= 0),
    total_minor     bigint      not null check (total_minor >= 0),
    refunded_minor  bigint      not null default 0 check (refunded_minor >= 0),
    coupon_id       uuid        references order_coupons (id),
    coupon_code     text,
    coupon_counted  boolean     not null default false,
    payment_id      uuid,
    expires_at      timestamptz not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (buyer_id, idempotency_key)
);
create index order_orders_due on order_orders (expires_at) where status = 'PENDING_PAYMENT';
create index order_orders_event on order_orders (event_id, created_at desc);
create index order_orders_buyer on order_orders (buyer_id, created_at desc);

create table order_lines (
    order_id         uuid   not null references order_orders (id),
    position         int    not null,
    ticket_type_id   uuid   not null,
    ticket_type_name text   not null,
    seat_id          uuid,
    seat_label       text,
    holder_name      text   not null,
    unit_price_minor bigint not null check (unit_price_minor >= 0),
    fee_minor        bigint not null check (fee_minor >= 0),
    primary key (order_id, position)
);

create table order_transitions (
    id          bigint generated always as identity primary key,
    order_id    uuid        not null references order_orders (id),
    from_status text,
    to_status   text        not null,
    actor_id    uuid,
    reason      text        not null,
    at          timestamptz not null
);
create index order_transitions_order on order_transitions (order_id, id);
-- a hold backs at most one order
create unique index order_orders_hold on order_orders (hold_id);
