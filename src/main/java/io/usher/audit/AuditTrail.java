package io.usher.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records and reads audit entries. */
public interface AuditTrail {

    /**
     * Records an action in the caller's transaction. The request's client address and correlation id are
     * added when there is a request.
     */
    void record(String action, UUID actorId, String subject, Map<String, Object> details);

    /** Newest first, optionally only one action and/or one actor. */
    List<AuditEntry> find(String action, UUID actorId, int page, int size);
}
