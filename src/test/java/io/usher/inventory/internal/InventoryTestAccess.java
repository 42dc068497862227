package io.usher.inventory.internal;

import org.springframework.boot.test.context.TestComponent;

/** Lets inventory's tests drive the sweeper's unit of work directly, without waiting for its schedule. */
@TestComponent
public class InventoryTestAccess {

    private final HoldLifecycle lifecycle;

    InventoryTestAccess(HoldLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public int expireDue(int limit) {
        return lifecycle.expireDue(limit).size();
    }
}
