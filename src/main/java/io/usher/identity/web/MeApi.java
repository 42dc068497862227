package io.usher.identity.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.identity.CurrentUser;
import io.usher.identity.internal.Accounts;
import io.usher.identity.internal.Registration;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "My account", description = "The signed-in user's profile, password and sessions")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class MeApi {

    private final Accounts accounts;
    private final Registration registration;

    MeApi(Accounts accounts, Registration registration) {
        this.accounts = accounts;
        this.registration = registration;
    }

    record ProfileChange(@NotBlank @Size(max = 100) String displayName) {
    }

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
            @NotBlank @Size(max = 128) String newPassword) {
    }

    @GetMapping
    @Operation(summary = "Who am I")
    ApiViews.UserView me() {
        return ApiViews.UserView.of(accounts.get(CurrentUser.require().id().value()));
    }

    @PatchMapping
    @Operation(summary = "Change my display name")
    ApiViews.UserView update(@Valid @RequestBody ProfileChange change) {
        return ApiViews.UserView.of(accounts.changeDisplayName(CurrentUser.require().id().value(),
                change.displayName()));
    }

    @PostMapping("/password")
    @Operation(summary = "Change my password; my other sessions end")
    @ApiProblem(status = 400, codes = {"request.validation_failed", "identity.weak_password"})
    @ApiProblem(status = 401, codes = "identity.bad_credentials", description = "The current password is wrong.")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
        var me = CurrentUser.require();
        accounts.changePassword(me.id().value(), me.sessionId(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/verification-email")
    @Operation(summary = "Send a fresh e-mail verification link")
    ResponseEntity<Void> resendVerification() {
        registration.resendVerification(CurrentUser.require().id().value());
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/sessions")
    @Operation(summary = "My active sessions (device, address, last use), newest first")
    List<ApiViews.SessionView> sessions() {
        var me = CurrentUser.require();
        return accounts.sessions(me.id().value()).stream()
                .map(s -> ApiViews.SessionView.of(s, me.sessionId())).toList();
    }

    @DeleteMapping("/sessions/{id}")
    @Operation(summary = "Sign one of my sessions out")
    @ApiProblem(status = 404, codes = "identity.session_not_found")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        accounts.revokeSession(CurrentUser.require().id().value(), id);
        return ResponseEntity.noContent().build();
    }
}
