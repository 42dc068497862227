package io.usher.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/** The id that ties a request's response, problem details and log lines together. */
public final class CorrelationId {

    /** Request and response header. */
    public static final String HEADER = "X-Correlation-ID";
    /** Key in the logging context (MDC); structured logs carry it on every line of the request. */
    public static final String MDC_KEY = "correlationId";

    private static final int MAX_LENGTH = 64;
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._:-]");

    private CorrelationId() {
    }

    /** The current request's id, or {@code null} outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** Keeps a client's id when it is safe to log (printable, ≤ 64 chars), else makes a new one. */
    static String sanitize(String candidate) {
        if (candidate == null) {
            return generate();
        }
        var cleaned = UNSAFE.matcher(candidate).replaceAll("");
        if (cleaned.length() > MAX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_LENGTH);
        }
        return cleaned.isEmpty() ? generate() : cleaned;
    }

    private static String generate() {
        return UUID.randomUUID().toString();
    }
}
