package io.usher.desk;

import io.usher.common.UsherException;

/**
 * 404: no such desk record, or none the caller may see ({@code desk.calendar_not_found},
 * {@code desk.queue_not_found}, {@code desk.category_not_found}, {@code desk.sla_policy_not_found},
 * {@code desk.ticket_not_found}).
 */
public class DeskNotFound extends UsherException {

    public DeskNotFound(String what) {
        super(404, "desk." + what + "_not_found", "No such " + what.replace('_', ' ') + ".");
    }
}
