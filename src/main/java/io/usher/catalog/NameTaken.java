package io.usher.catalog;

import java.util.Map;

import io.usher.common.UsherException;

/** 409: names are unique in their place (a ticket type in its event, a section in its venue, a row in its section). */
public class NameTaken extends UsherException {

    private final String field;

    public NameTaken(String field, String detail) {
        super(409, "catalog.name_taken", detail);
        this.field = field;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", field);
    }
}
