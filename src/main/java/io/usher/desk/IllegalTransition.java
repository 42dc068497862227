package io.usher.desk;

import java.util.Map;
import java.util.TreeSet;

import io.usher.common.UsherException;

/** 409 {@code desk.illegal_transition}: the ticket's status cannot change to the one asked; names the allowed ones. */
public class IllegalTransition extends UsherException {

    private final TicketStatus status;

    public IllegalTransition(TicketStatus status, TicketStatus target) {
        super(409, "desk.illegal_transition", "A " + status + " ticket cannot become " + target + "; allowed: "
                + new TreeSet<>(status.next()) + ".");
        this.status = status;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("status", status.name(), "allowed", new TreeSet<>(status.next()).stream().map(Enum::name).toList());
    }
}
