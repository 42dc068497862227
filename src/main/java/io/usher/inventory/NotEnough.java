package io.usher.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

import io.usher.common.TicketTypeId;
import io.usher.common.UsherException;

/** 409: fewer tickets left than asked for ({@code inventory.not_enough}), or none ({@code inventory.sold_out}). */
public class NotEnough extends UsherException {

    private final Map<TicketTypeId, Integer> remaining;

    public NotEnough(Map<TicketTypeId, Integer> remaining) {
        super(409, remaining.values().stream().allMatch(r -> r == 0) ? "inventory.sold_out" : "inventory.not_enough",
                remaining.values().stream().allMatch(r -> r == 0)
                        ? "Sold out."
                        : "Not enough tickets left for this request.");
        this.remaining = Map.copyOf(remaining);
    }

    public Map<TicketTypeId, Integer> remaining() {
        return remaining;
    }

    @Override
    public Map<String, Object> properties() {
        var left = new LinkedHashMap<String, Object>();
        remaining.forEach((type, count) -> left.put(type.toString(), count));
        return Map.of("remaining", left);
    }
}
