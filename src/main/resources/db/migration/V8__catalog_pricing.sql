-- Catalog: what an order adds to the ticket price (module catalog).
alter table catalog_events add column tax_rate_basis_points int not null default 0
    check (tax_rate_basis_points between 0 and 10000);
alter table catalog_ticket_types add column fee_minor bigint not null default 0 check (fee_minor >= 0);
