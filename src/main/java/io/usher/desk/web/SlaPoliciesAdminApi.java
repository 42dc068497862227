package io.usher.desk.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.desk.Priority;
import io.usher.desk.SlaPolicies;
import io.usher.desk.SlaPolicy;
import io.usher.desk.internal.SlaPolicyDetails;
import io.usher.desk.internal.SlaPolicyManagement;
import io.usher.desk.internal.StoredSlaPolicy;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;

@RestController
@RequestMapping("/api/v1/desk/admin/sla-policies")
@Tag(name = "Desk administration: SLA policies", description = "First-response and resolution targets in business "
        + "minutes per priority, optionally per category; ADMIN only")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 403, codes = "identity.forbidden")
class SlaPoliciesAdminApi {

    private final SlaPolicyManagement policies;

    SlaPoliciesAdminApi(SlaPolicyManagement policies) {
        this.policies = policies;
    }

    /** A configured policy ({@code id} set) or a built-in default ({@code id} null, {@code builtIn} true). */
    record PolicyView(UUID id, String priority, UUID categoryId, long firstResponseMinutes, long resolutionMinutes,
            boolean builtIn) {

        static PolicyView of(StoredSlaPolicy stored) {
            return of(stored.id(), stored.policy(), false);
        }

        static PolicyView of(UUID id, SlaPolicy policy, boolean builtIn) {
            return new PolicyView(id, policy.priority().name(),
                    policy.category() == null ? null : policy.category().value(), policy.firstResponseMinutes(),
                    policy.resolutionMinutes(), builtIn);
        }
    }

    /** What applies to tickets of every category, per priority, and the configured policies. */
    record PoliciesView(List<PolicyView> general, List<PolicyView> configured) {
    }

    @GetMapping
    @Operation(summary = "The general targets in force per priority (configured or built in) and every configured "
            + "policy")
    PoliciesView list() {
        var configured = policies.configured();
        var inForce = policies.policies();
        var general = Arrays.stream(Priority.values()).map(priority -> {
            var policy = inForce.policyFor(priority, List.of());
            var stored = configured.stream().filter(s -> s.policy().equals(policy)).findFirst();
            return stored.map(PolicyView::of).orElseGet(() -> PolicyView.of(null, policy, SlaPolicies.isDefault(policy)));
        }).toList();
        return new PoliciesView(general, configured.stream().map(PolicyView::of).toList());
    }

    @PutMapping
    @Operation(summary = "Set the targets for a priority, for every category or one: {priority, categoryId?, "
            + "firstResponseMinutes, resolutionMinutes}; replaces what was set for the same pair")
    @ApiProblem(status = 400, codes = "desk.invalid_sla_policy")
    PolicyView put(@RequestBody SlaPolicyDetails body) {
        return PolicyView.of(policies.put(CurrentUser.require(), body));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a configured policy; the priority falls back to the general policy or the default")
    @ApiProblem(status = 404, codes = "desk.sla_policy_not_found")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        policies.delete(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }
}
