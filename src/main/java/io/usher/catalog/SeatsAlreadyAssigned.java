package io.usher.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.usher.common.UsherException;

/** 409: a seat sells under one ticket type of an event only; these sections belong to another already. */
public class SeatsAlreadyAssigned extends UsherException {

    private final List<UUID> sections;

    public SeatsAlreadyAssigned(List<UUID> sections) {
        super(409, "catalog.seats_already_assigned",
                "Some of these sections' seats already sell under another ticket type of this event.");
        this.sections = List.copyOf(sections);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("sectionIds", sections.stream().map(UUID::toString).toList());
    }
}
