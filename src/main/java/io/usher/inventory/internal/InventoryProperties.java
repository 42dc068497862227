package io.usher.inventory.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Inventory settings ({@code usher.inventory.*}).
 *
 * @param strategy the reservation strategy of newly defined events: {@code coalescing}, {@code skip-locked}
 *        or {@code row-lock}
 * @param batchWindow how long the coalescing strategy waits for more requests before it writes a batch
 * @param maxBatch the most requests one coalesced transaction takes
 * @param sweepInterval how often expired holds are returned to stock
 * @param availabilityTtl how stale an availability answer may be
 */
@Validated
@ConfigurationProperties("usher.inventory")
public record InventoryProperties(
        @DefaultValue("coalescing") String strategy,
        @DefaultValue("2ms") Duration batchWindow,
        @DefaultValue("500") @Min(1) @Max(5000) int maxBatch,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("1s") Duration availabilityTtl) {

    public Strategy defaultStrategy() {
        return Strategy.of(strategy);
    }
}
