package io.usher.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit module alone, on the embedded PostgreSQL. */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
class AuditModuleTests {

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    @Test
    void recordsInTheCallersTransactionAndFindsNewestFirst() {
        var actor = UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            audit.record("TEST_FIRST", actor, "subject-1", Map.of("n", 1));
            audit.record("TEST_SECOND", actor, "subject-2", Map.of("n", 2));
        });

        var entries = audit.find(null, actor, 0, 10);

        assertThat(entries).extracting(AuditEntry::action).containsExactly("TEST_SECOND", "TEST_FIRST");
        assertThat(entries.getFirst().details()).containsEntry("n", 2);
        assertThat(audit.find("TEST_FIRST", actor, 0, 10)).hasSize(1);
    }

    @Test
    void writesNothingWhenTheActionRollsBack() {
        var actor = UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            audit.record("TEST_ROLLED_BACK", actor, null, Map.of());
            status.setRollbackOnly();
        });

        assertThat(audit.find(null, actor, 0, 10)).isEmpty();
    }

    @Test
    void refusesToRecordOutsideATransaction() {
        assertThatThrownBy(() -> audit.record("TEST_LOOSE", null, null, Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
