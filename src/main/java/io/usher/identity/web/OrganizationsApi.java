package io.usher.identity.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.identity.CurrentUser;
import io.usher.identity.internal.Organization;
import io.usher.identity.internal.OrganizationManagement;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "Organizer and support teams and their members")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class OrganizationsApi {

    private final OrganizationManagement organizations;

    OrganizationsApi(OrganizationManagement organizations) {
        this.organizations = organizations;
    }

    record NewOrganization(@NotBlank @Size(min = 2, max = 120) String name, @NotNull Organization.Kind kind) {
    }

    record NewMember(@NotBlank @Email @Size(max = 254) String email, Organization.MemberRole role) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'MANAGER')")
    @Operation(summary = "Create an organization; the creator becomes its owner (ADMIN, ORGANIZER or MANAGER)")
    @ApiProblem(status = 403, codes = "identity.forbidden")
    @ApiProblem(status = 409, codes = "identity.organization_name_taken")
    ApiViews.OrganizationView create(@Valid @RequestBody NewOrganization request) {
        return ApiViews.OrganizationView.of(organizations.create(CurrentUser.require(), request.name(),
                request.kind()));
    }

    @GetMapping("/mine")
    @Operation(summary = "Organizations I belong to")
    List<ApiViews.OrganizationView> mine() {
        return organizations.mine(CurrentUser.require()).stream().map(ApiViews.OrganizationView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organization with its members (members and administrators only)")
    @ApiProblem(status = 404, codes = "identity.organization_not_found")
    ApiViews.OrganizationView get(@PathVariable UUID id) {
        return ApiViews.OrganizationView.of(organizations.get(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add a member by e-mail, or change a member's role (owners and administrators)")
    @ApiProblem(status = 403, codes = "identity.not_organization_owner")
    @ApiProblem(status = 404, codes = {"identity.organization_not_found", "identity.user_not_found"})
    @ApiProblem(status = 409, codes = "identity.last_owner")
    ApiViews.OrganizationView addMember(@PathVariable UUID id, @Valid @RequestBody NewMember request) {
        var role = request.role() == null ? Organization.MemberRole.MEMBER : request.role();
        return ApiViews.OrganizationView.of(organizations.admit(CurrentUser.require(), id, request.email(), role));
    }

    @DeleteMapping("/{id}/members/{userId}")
    @Operation(summary = "Remove a member (owners and administrators); the last owner stays")
    @ApiProblem(status = 403, codes = "identity.not_organization_owner")
    @ApiProblem(status = 404, codes = {"identity.organization_not_found", "identity.user_not_found"})
    @ApiProblem(status = 409, codes = "identity.last_owner")
    ApiViews.OrganizationView removeMember(@PathVariable UUID id, @PathVariable UUID userId) {
        return ApiViews.OrganizationView.of(organizations.remove(CurrentUser.require(), id, userId));
    }
}
