package io.usher.admission.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.common.EventId;

/**
 * Each event's Ed25519 key pair, created on first use. Keys never change, so they are cached for the life of the
 * process; two instances creating one concurrently agree on whichever row landed first.
 */
@Component
class EventKeys {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final ConcurrentMap<UUID, Key> keys = new ConcurrentHashMap<>();

    EventKeys(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        // a key is committed before anything is signed with it, whatever becomes of the caller's transaction
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An event's key pair, with a verifier for its public key. */
    record Key(byte[] publicKey, byte[] privateKey, TicketSignatures.Verifier verifier) {

        String sign(TicketToken token) {
            return token.encode(TicketSignatures.sign(privateKey, token.payload()));
        }

        boolean verify(TicketToken.Signed signed) {
            return verifier.verify(signed.payload(), signed.signature());
        }
    }

    /** The event's key pair, created when it has none yet. */
    Key of(EventId event) {
        return keys.computeIfAbsent(event.value(), id -> ownTransaction.execute(status -> loadOrCreate(id)));
    }

    /** The event's key pair if it has one (no key is created for an id someone made up). */
    Optional<Key> find(EventId event) {
        var cached = keys.get(event.value());
        if (cached != null) {
            return Optional.of(cached);
        }
        var stored = load(event.value());
        stored.ifPresent(key -> keys.putIfAbsent(event.value(), key));
        return stored;
    }

    private Key loadOrCreate(UUID event) {
        var generated = TicketSignatures.generate();
        jdbc.sql("""
                insert into admission_event_keys (event_id, public_key, private_key, created_at)
                values (:event, :public, :private, :now) on conflict (event_id) do nothing
                """)
                .param("event", event).param("public", generated.publicKey()).param("private", generated.privateKey())
                .param("now", Timestamp.from(clock.instant())).update();
        return load(event).orElseThrow();
    }

    private Optional<Key> load(UUID event) {
        return jdbc.sql("select public_key, private_key from admission_event_keys where event_id = :event")
                .param("event", event)
                .query((rs, row) -> new Key(rs.getBytes(1), rs.getBytes(2), new TicketSignatures.Verifier(rs.getBytes(1))))
                .optional();
    }
}
