package io.usher.identity.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import io.usher.identity.CurrentUser;
import io.usher.identity.internal.Accounts;
import io.usher.identity.internal.BadCredentials;
import io.usher.identity.internal.Registration;
import io.usher.identity.internal.SessionNotFound;
import io.usher.identity.internal.SignInSession;
import io.usher.identity.internal.WeakPassword;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The signed-in user's own account: name, e-mail confirmation, password and the devices signed in. Revoking a
 * session works with htmx (the row goes away) and as a plain form post.
 */
@Controller
@RequestMapping("/account")
class AccountPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Accounts accounts;
    private final Registration registration;

    AccountPage(Accounts accounts, Registration registration) {
        this.accounts = accounts;
        this.registration = registration;
    }

    record ProfileForm(@NotBlank(message = "Enter the name others should see.") @Size(max = 100) String displayName) {
    }

    record PasswordForm(
            @NotBlank(message = "Enter your current password.") @Size(max = 128) String currentPassword,
            @NotBlank(message = "Choose a new password.") @Size(max = 128) String newPassword) {
    }

    /** One signed-in device as the sessions table shows it. */
    record SessionRow(UUID id, String device, String ip, String lastUsed, Instant lastUsedAt, String started,
            boolean current) {

        static SessionRow of(SignInSession session, UUID current) {
            return new SessionRow(session.id(), Devices.describe(session.userAgent()),
                    session.ip() == null ? "unknown" : session.ip(), WHEN.format(session.lastUsedAt()),
                    session.lastUsedAt(), WHEN.format(session.createdAt()), session.id().equals(current));
        }
    }

    @GetMapping
    String show(Model model) {
        return page(model);
    }

    @PostMapping("/profile")
    String changeProfile(@Valid @ModelAttribute("profileForm") ProfileForm form, BindingResult errors, Model model,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model);
        }
        accounts.changeDisplayName(CurrentUser.require().id().value(), form.displayName());
        return "redirect:/account?notice=profile-saved";
    }

    @PostMapping("/password")
    String changePassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors,
            Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            var me = CurrentUser.require();
            try {
                accounts.changePassword(me.id().value(), me.sessionId(), form.currentPassword(), form.newPassword());
                return "redirect:/account?notice=password-changed";
            } catch (BadCredentials e) {
                errors.rejectValue("currentPassword", e.code(), "The current password is wrong.");
            } catch (WeakPassword e) {
                errors.rejectValue("newPassword", e.code(), e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    @PostMapping("/verification-email")
    String resendVerification() {
        registration.resendVerification(CurrentUser.require().id().value());
        return "redirect:/account?notice=verification-sent";
    }

    /**
     * Signs one of the user's sessions out. For htmx the answer is the (empty) row plus a status message; revoking
     * this browser's own session signs it out and goes to the sign-in page.
     */
    @PostMapping("/sessions/{id}/revoke")
    String revokeSession(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        var me = CurrentUser.require();
        var ended = true;
        try {
            accounts.revokeSession(me.id().value(), id);
        } catch (SessionNotFound e) {
            ended = false;
        }
        var current = id.equals(me.sessionId());
        if (current) {
            BrowserCookies.clear(request, response);
        }
        if (htmx != null) {
            if (current) {
                response.setHeader("HX-Redirect", "/login?notice=signed-out");
            }
            model.addAttribute("ended", ended);
            return "identity/account :: session-revoked";
        }
        if (current) {
            return "redirect:/login?notice=signed-out";
        }
        return ended ? "redirect:/account?notice=session-revoked"
                : "redirect:/account?error=identity.session_not_found";
    }

    private String page(Model model) {
        var me = CurrentUser.require();
        var user = accounts.get(me.id().value());
        model.addAttribute("user", user);
        model.addAttribute("sessions", accounts.sessions(me.id().value()).stream()
                .map(session -> SessionRow.of(session, me.sessionId()))
                .sorted(Comparator.comparing(SessionRow::current).reversed()).toList());
        if (!model.containsAttribute("profileForm")) {
            model.addAttribute("profileForm", new ProfileForm(user.displayName()));
        }
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm("", ""));
        }
        return "identity/account";
    }
}
