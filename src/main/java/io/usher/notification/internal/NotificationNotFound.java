package io.usher.notification.internal;

import io.usher.common.UsherException;

/** 404 {@code notification.not_found}: no such notification in the caller's inbox. */
public class NotificationNotFound extends UsherException {

    public NotificationNotFound() {
        super(404, "notification.not_found", "No such notification.");
    }
}
