-- Cancellations, part 1: two modules' own tables, one concern each.

-- catalog: a buyer may cancel for a full refund until this many days before the event starts; null = buyers
-- cannot cancel themselves (a postponement or a cancelled event still refunds them).
alter table catalog_events add column refund_days_before int check (refund_days_before between 0 and 365);

-- inventory: a confirmed hold whose tickets went back to stock (its order was cancelled).
alter table inventory_holds drop constraint inventory_holds_status_check;
alter table inventory_holds add constraint inventory_holds_status_check
    check (status in ('ACTIVE', 'RELEASED', 'EXPIRED', 'CONFIRMED', 'RETURNED'));
