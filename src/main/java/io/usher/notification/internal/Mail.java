package io.usher.notification.internal;

/** A plain-text e-mail to one recipient. */
record Mail(String to, String subject, String body) {
}
