package io.usher.identity.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.identity.CurrentUser;
import io.usher.identity.internal.Authentication;
import io.usher.identity.internal.ClientInfo;
import io.usher.identity.internal.PasswordReset;
import io.usher.identity.internal.Registration;
import io.usher.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Sign-up, sign-in, token refresh, sign-out, password reset")
class AuthApi {

    private final Registration registration;
    private final Authentication authentication;
    private final PasswordReset passwordReset;

    AuthApi(Registration registration, Authentication authentication, PasswordReset passwordReset) {
        this.registration = registration;
        this.authentication = authentication;
        this.passwordReset = passwordReset;
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password,
            @NotBlank @Size(max = 100) String displayName) {
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record TokenRequest(@NotBlank @Size(max = 200) String token) {
    }

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record ResetConfirmation(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 128) String newPassword) {
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(summary = "Create a customer account; a verification link is e-mailed")
    @ApiProblem(status = 400, codes = {"request.validation_failed", "identity.weak_password"})
    @ApiProblem(status = 409, codes = "identity.email_taken", description = "The e-mail is registered already.")
    ApiViews.UserView register(@Valid @RequestBody RegisterRequest request) {
        return ApiViews.UserView.of(registration.register(request.email(), request.password(), request.displayName()));
    }

    @PostMapping("/login")
    @SecurityRequirements
    @Operation(summary = "Sign in: an access token (15 min) and a refresh token (7 days)")
    @ApiProblem(status = 401, codes = "identity.bad_credentials", description = "Wrong e-mail or password.")
    @ApiProblem(status = 403, codes = "identity.account_disabled", description = "The account is deactivated.")
    @ApiProblem(status = 423, codes = "identity.account_locked", description = "Locked after repeated failures.")
    @ApiProblem(status = 429, codes = "identity.too_many_attempts",
            description = "More than 5 attempts a minute from this address or for this account.")
    ApiViews.TokenView login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return ApiViews.TokenView.of(authentication.login(request.email(), request.password(), client(http)));
    }

    @PostMapping("/refresh")
    @SecurityRequirements
    @Operation(summary = "Trade a refresh token for a new pair; the old refresh token dies")
    @ApiProblem(status = 401, codes = {"identity.invalid_token", "identity.token_reused", "identity.session_revoked"},
            description = "Unknown or expired token; a reused token (its session is revoked); an ended session.")
    @ApiProblem(status = 409, codes = "identity.refresh_conflict",
            description = "A concurrent request rotated this token a moment ago.")
    ApiViews.TokenView refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return ApiViews.TokenView.of(authentication.refresh(request.refreshToken(), client(http)));
    }

    @PostMapping("/logout")
    @Operation(summary = "End the current session; its access tokens are refused within a second")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    ResponseEntity<Void> logout() {
        var user = CurrentUser.require();
        authentication.logout(user.sessionId(), user.id().value());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/verify-email")
    @SecurityRequirements
    @Operation(summary = "Confirm an e-mail address with the token from the verification link")
    @ApiProblem(status = 401, codes = "identity.invalid_token", description = "Invalid, used or expired link.")
    ResponseEntity<Void> verifyEmail(@Valid @RequestBody TokenRequest request) {
        registration.verifyEmail(request.token());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/password-reset")
    @SecurityRequirements
    @Operation(summary = "Ask for a reset link; always 202, whether or not the e-mail has an account")
    @ApiProblem(status = 429, codes = "identity.too_many_attempts")
    ResponseEntity<Void> requestReset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        passwordReset.request(request.email(), client(http));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/password-reset/confirm")
    @SecurityRequirements
    @Operation(summary = "Set a new password with a reset token; every session of the account ends")
    @ApiProblem(status = 400, codes = {"request.validation_failed", "identity.weak_password"})
    @ApiProblem(status = 401, codes = "identity.invalid_token", description = "Invalid, used or expired link.")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody ResetConfirmation request) {
        passwordReset.confirm(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    static ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
