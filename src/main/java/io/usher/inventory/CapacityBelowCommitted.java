package io.usher.inventory;

import java.util.Map;

import io.usher.common.UsherException;

/** 409: a ticket type cannot shrink below what is already held and sold, nor lose held or sold seats. */
public class CapacityBelowCommitted extends UsherException {

    private final int committed;

    public CapacityBelowCommitted(int committed) {
        super(409, "inventory.capacity_below_committed",
                "Capacity cannot go below the " + committed + " tickets already held or sold.");
        this.committed = committed;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("committed", committed);
    }
}
