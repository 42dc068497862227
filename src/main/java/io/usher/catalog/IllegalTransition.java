package io.usher.catalog;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.usher.common.UsherException;

/** 409: the event's status does not allow this change; lists the statuses it can change to. */
public class IllegalTransition extends UsherException {

    private final EventStatus status;
    private final Set<EventStatus> allowed;

    public IllegalTransition(EventStatus status, EventStatus target) {
        super(409, "catalog.illegal_transition", "A " + status.name().toLowerCase() + " event cannot become "
                + target.name().toLowerCase() + (status.next().isEmpty() ? "; it no longer changes."
                        : "; allowed: " + new TreeSet<>(status.next()) + "."));
        this.status = status;
        this.allowed = new TreeSet<>(status.next());
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("status", status.name(), "allowed", allowed.stream().map(Enum::name).toList());
    }
}
