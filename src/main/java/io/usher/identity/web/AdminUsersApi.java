package io.usher.identity.web;

import java.util.Set;
import java.util.UUID;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.identity.internal.Accounts;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/admin/users")
@Validated
@Tag(name = "Administration: users", description = "Search users, change roles, (de)activate; ADMIN only")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 403, codes = "identity.forbidden")
class AdminUsersApi {

    private final Accounts accounts;

    AdminUsersApi(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Only the fields present change. */
    record AccessChange(@Size(min = 1, max = 6) Set<Role> roles, Boolean active) {
    }

    @GetMapping
    @Operation(summary = "Users whose e-mail or name contains q")
    ApiViews.UserPageView search(@RequestParam(defaultValue = "") @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ApiViews.UserPageView.of(accounts.search(q, page, size));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a user's roles and/or active flag; demoting or deactivating ends their sessions")
    @ApiProblem(status = 404, codes = "identity.user_not_found")
    @ApiProblem(status = 409, codes = "identity.cannot_change_own_access")
    ApiViews.UserView change(@PathVariable UUID id, @Valid @RequestBody AccessChange change) {
        return ApiViews.UserView.of(accounts.changeAccess(CurrentUser.require().id().value(), id, change.roles(),
                change.active()));
    }
}
