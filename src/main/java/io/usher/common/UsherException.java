package io.usher.common;

import java.util.Map;

/**
 * A failure a client caused or can act on. Each subclass names one failure; the web layer turns it into an
 * RFC 9457 problem detail with the stable {@link #code()} and {@link #status()}.
 */
public abstract class UsherException extends RuntimeException {

    private final int status;
    private final String code;

    protected UsherException(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** HTTP status this failure maps to (always 4xx, or 503 for a dependency that is down). */
    public int status() {
        return status;
    }

    /** Stable machine-readable code, e.g. {@code identity.email_taken}. */
    public String code() {
        return code;
    }

    /** Extra members for the problem detail (what remains, which seats …); empty by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
