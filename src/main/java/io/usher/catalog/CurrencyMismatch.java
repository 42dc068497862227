package io.usher.catalog;

import java.util.Map;

import io.usher.common.UsherException;

/** 409: an event sells in one currency; its other ticket types already use another. */
public class CurrencyMismatch extends UsherException {

    private final String eventCurrency;

    public CurrencyMismatch(String eventCurrency) {
        super(409, "catalog.currency_mismatch",
                "This event's ticket types are priced in " + eventCurrency + "; an event sells in one currency.");
        this.eventCurrency = eventCurrency;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("currency", eventCurrency);
    }
}
