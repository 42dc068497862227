package io.usher.desk;

import io.usher.common.UsherException;

/**
 * 409: the ticket is not in a state that allows this ({@code desk.not_resolved}, {@code desk.already_rated}).
 */
public class TicketConflict extends UsherException {

    public TicketConflict(String code, String detail) {
        super(409, code, detail);
    }
}
