package io.usher.inventory;

import java.util.Map;

import io.usher.common.UsherException;

/** 409: the buyer would hold or own more tickets of this event than it allows. */
public class BuyerLimitReached extends UsherException {

    private final int limit;
    private final int alreadyHeld;

    public BuyerLimitReached(int limit, int alreadyHeld) {
        super(409, "inventory.buyer_limit", "At most " + limit + " tickets per buyer for this event; you have "
                + alreadyHeld + " already.");
        this.limit = limit;
        this.alreadyHeld = alreadyHeld;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("limit", limit, "alreadyHeld", alreadyHeld);
    }
}
