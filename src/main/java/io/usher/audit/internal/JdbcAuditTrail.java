package io.usher.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.usher.audit.AuditEntry;
import io.usher.audit.AuditTrail;
import io.usher.platform.web.CorrelationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditTrail implements AuditTrail {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, UUID actorId, String subject, Map<String, Object> details) {
        jdbc.sql("""
                insert into audit_entries (occurred_at, action, actor_id, subject, ip, correlation_id, details)
                values (:at, :action, :actor, :subject, :ip, :correlationId, cast(:details as jsonb))
                """)
                .param("at", Timestamp.from(clock.instant()))
                .param("action", action)
                .param("actor", actorId)
                .param("subject", subject)
                .param("ip", clientAddress())
                .param("correlationId", CorrelationId.current())
                .param("details", json.writeValueAsString(details == null ? Map.of() : details))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> find(String action, UUID actorId, int page, int size) {
        return jdbc.sql("""
                select id, occurred_at, action, actor_id, subject, ip, correlation_id, details::text as details
                from audit_entries
                where (cast(:action as varchar) is null or action = :action)
                  and (cast(:actor as uuid) is null or actor_id = :actor)
                order by occurred_at desc, id desc
                limit :size offset :offset
                """)
                .param("action", action)
                .param("actor", actorId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::map)
                .list();
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
                rs.getObject("actor_id", UUID.class), rs.getString("subject"), rs.getString("ip"),
                rs.getString("correlation_id"), json.readValue(rs.getString("details"), DETAILS));
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : null;
    }
}
