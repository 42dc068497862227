-- Agent views (module desk): "mine", "unassigned in my queues", "breaching soon" and "all", sorted by SLA due.

-- The nearest due time of the ticket's running SLA timers (first_response_due and resolution_due are null while a
-- timer is paused or met); 'infinity' when none runs, so the sort key is never null and keyset pages need no
-- special case. Stored, so it can be indexed (PostgreSQL 18 would otherwise make it virtual).
alter table desk_tickets add column sla_due timestamptz
    generated always as (coalesce(least(first_response_due, resolution_due), 'infinity'::timestamptz)) stored;

-- Each view reads one index range in (sla_due, number) order and stops after a page: per queue for "unassigned",
-- "breaching" and "all" (a view over several queues merges one short range per queue), per assignee for "mine".
-- number breaks ties (equal due times, and every ticket without a running timer) in a stable, readable order.
create index desk_tickets_view_queue on desk_tickets (queue_id, sla_due, number);
create index desk_tickets_view_unassigned on desk_tickets (queue_id, sla_due, number)
    where assignee_id is null and status not in ('RESOLVED', 'CLOSED');
create index desk_tickets_view_mine on desk_tickets (assignee_id, sla_due, number)
    where status not in ('RESOLVED', 'CLOSED');

-- Superseded: the views sort by sla_due, not resolution_due; and "mine" starts with assignee_id under the same
-- predicate as the open-by-assignee index, so least-loaded assignment's count uses it instead.
drop index desk_tickets_queue_due;
drop index desk_tickets_open_by_assignee;

-- The views' text filter: a substring of the number or the subject (ILIKE '%…%'), by trigrams. Full text would
-- match whole words only (no "0042" for TKT-2026-000042, no "refun" for "refund") and its stemming helps little in
-- one-line subjects; trigrams answer any substring of three characters or more from the index.
create extension if not exists pg_trgm;
create index desk_tickets_text on desk_tickets using gin ((number || ' ' || subject) gin_trgm_ops);
