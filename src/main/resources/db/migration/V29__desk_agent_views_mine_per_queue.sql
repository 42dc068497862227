-- Agent views (module desk): "mine" reads one range per visible queue, like the other views.
-- With V28's (assignee_id, sla_due, number) the queue check was a filter the planner could not cost: assuming an
-- agent's tickets spread over all queues, it combined both indexes in a bitmap and sorted all of the agent's open
-- tickets (~460 rows, 6 ms at 1M tickets) instead of reading the first page in order. With queue_id in the key,
-- each queue's page is one ordered range. Its leading assignee_id still serves least-loaded assignment's count.
drop index desk_tickets_view_mine;
create index desk_tickets_view_mine on desk_tickets (assignee_id, queue_id, sla_due, number)
    where status not in ('RESOLVED', 'CLOSED');
