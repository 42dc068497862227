package io.usher.admission;

import io.usher.common.UsherException;

/** 403: the caller may not check tickets in for this event */
public class NotDoorStaff extends UsherException {

    public NotDoorStaff() {
        super(403, "admission.not_door_staff", "Only door staff, organizers and administrators of the organizing organization may check tickets in for this event.");
    }
}
