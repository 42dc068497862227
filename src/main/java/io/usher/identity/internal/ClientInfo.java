package io.usher.identity.internal;

/** Where a request came from, for sessions, throttling and the audit trail. */
public record ClientInfo(String ip, String userAgent) {
}
