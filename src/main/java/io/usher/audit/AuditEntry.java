package io.usher.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One recorded action.
 *
 * @param action what happened, upper snake case with the module first ({@code IDENTITY_LOGIN_FAILED})
 * @param actorId who did it; {@code null} for anonymous or system actions
 * @param subject what it was done to (a user id, an e-mail, an order id)
 * @param details small, non-secret facts (never passwords or tokens)
 */
public record AuditEntry(long id, Instant occurredAt, String action, UUID actorId, String subject, String ip,
        String correlationId, Map<String, Object> details) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
