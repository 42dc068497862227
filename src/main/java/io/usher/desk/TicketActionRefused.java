package io.usher.desk;

import io.usher.common.UsherException;

/**
 * 403: the caller may see the ticket but not do this to it ({@code desk.requester_may_only_reopen},
 * {@code desk.reopen_window_passed}, {@code desk.not_an_agent_of_the_queue}).
 */
public class TicketActionRefused extends UsherException {

    public TicketActionRefused(String code, String detail) {
        super(403, code, detail);
    }
}
