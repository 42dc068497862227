package io.usher.desk;

import java.time.Duration;

import io.usher.common.UsherException;

/** 409 {@code desk.edit_window_closed}: a comment can be edited by its author only shortly after writing it. */
public class EditWindowClosed extends UsherException {

    public EditWindowClosed(Duration window) {
        super(409, "desk.edit_window_closed",
                "A comment can be edited within " + window.toMinutes() + " minutes of writing it.");
    }
}
