package io.usher.desk;

import io.usher.common.UsherException;

/** 409 {@code desk.calendar_in_use}: a queue works by this calendar, so it cannot be deleted. */
public class CalendarInUse extends UsherException {

    public CalendarInUse() {
        super(409, "desk.calendar_in_use", "A queue works by this calendar; give the queue another one first.");
    }
}
