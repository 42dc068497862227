package io.usher.inventory.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.common.UsherException;
import io.usher.common.EventId;
import io.usher.inventory.internal.HoldService;
import io.usher.inventory.internal.Provisioning;
import io.usher.inventory.internal.Strategy;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

@RestController
@Tag(name = "Administration: inventory", description = "Pin an event to a reservation strategy; ADMIN only")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 403, codes = "identity.forbidden")
class InventoryAdminApi {

    private final Provisioning provisioning;
    private final HoldService holds;

    InventoryAdminApi(Provisioning provisioning, HoldService holds) {
        this.provisioning = provisioning;
        this.holds = holds;
    }

    record StrategyChoice(@NotBlank @Pattern(regexp = "row-lock|skip-locked|coalescing") String strategy) {
    }

    @PutMapping("/api/v1/admin/inventory/events/{id}/strategy")
    @Operation(summary = "Use another reservation strategy for an event; only before anything of it is held")
    @ApiProblem(status = 409, codes = "inventory.strategy_locked")
    ResponseEntity<Void> useStrategy(@PathVariable UUID id, @Valid @RequestBody StrategyChoice choice) {
        if (!provisioning.useStrategy(id, Strategy.of(choice.strategy()))) {
            throw new StrategyLocked();
        }
        holds.forget(new EventId(id));
        return ResponseEntity.noContent().build();
    }

    /** 409: the event is unknown to inventory or already has holds. */
    static final class StrategyLocked extends UsherException {
        StrategyLocked() {
            super(409, "inventory.strategy_locked",
                    "The strategy can only change for a defined event before anything of it was held.");
        }
    }
}
