package io.usher.desk.internal;

import java.util.UUID;

import io.usher.desk.BusinessCalendar;

/** A calendar with its id. */
public record StoredCalendar(UUID id, BusinessCalendar calendar) {
}
