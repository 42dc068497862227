package io.usher.desk;

import io.usher.common.UsherException;

/** 409 {@code desk.name_taken}: another calendar, queue (in the organization) or category has this name. */
public class NameTaken extends UsherException {

    public NameTaken(String what, String name) {
        super(409, "desk.name_taken", "A " + what + " named '" + name + "' exists already (names ignore letter case).");
    }
}
