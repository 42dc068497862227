package io.usher.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.support.IntegrationTest;

/**
 * Each view's statement is answered per queue by an ordered range of a view index (V28, V29), without sorting a
 * queue's tickets: with sequential and bitmap scans switched off, the plan reads a desk_tickets_view_* index by
 * queue and sorts only the merged per-queue runs. On this small shared table the planner may pick either of two
 * equally cheap view indexes; which one it picks at 1M tickets (the view's own) is shown by bench/desk.sh's plans.
 */
class ViewPlansIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    String plan(ViewQuery query) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_bitmapscan = off").update();
            return String.join("\n", jdbc.sql("explain " + query.sql()).params(query.parameters())
                    .query(String.class).list());
        });
    }

    ViewQuery query(AgentView view, ViewQuery.Cursor after) {
        return new ViewQuery(view, UUID.randomUUID(), List.of(UUID.randomUUID(), UUID.randomUUID()),
                Instant.now(), Set.of(), Set.of(), null, null, null, null, after, 51);
    }

    @Test
    void everyViewReadsItsIndexInDueOrder() {
        var after = new ViewQuery.Cursor("2026-11-21T12:00:00Z", "TKT-2026-000001");
        for (var cursor : new ViewQuery.Cursor[] {null, after}) {
            for (var view : AgentView.values()) {
                var plan = plan(query(view, cursor));
                assertThat(plan).as(view + "\n" + plan).contains("Index Scan using desk_tickets_view_")
                        .containsPattern("Index Cond: .*queue_id = q\\.id");
                // one sort: the merge of the per-queue runs, above the nested loop
                assertThat(plan.split("Sort Key", -1)).as(plan).hasSize(2);
                assertThat(plan.indexOf("Sort")).isLessThan(plan.indexOf("Nested Loop"));
            }
        }
    }
}
