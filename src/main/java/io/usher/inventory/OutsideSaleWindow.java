package io.usher.inventory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.usher.common.UsherException;

/** 409: the ticket type does not sell right now. */
public class OutsideSaleWindow extends UsherException {

    private final Instant startsAt;
    private final Instant endsAt;

    public OutsideSaleWindow(Instant startsAt, Instant endsAt) {
        super(409, "inventory.outside_sale_window", "This ticket type is not on sale right now.");
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    @Override
    public Map<String, Object> properties() {
        var window = new HashMap<String, Object>();
        if (startsAt != null) {
            window.put("saleStartsAt", startsAt.toString());
        }
        if (endsAt != null) {
            window.put("saleEndsAt", endsAt.toString());
        }
        return window;
    }
}
