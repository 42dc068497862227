package io.usher.identity.web;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.usher.identity.internal.InvalidToken;
import io.usher.identity.internal.PasswordReset;
import io.usher.identity.internal.WeakPassword;
import io.usher.platform.ratelimit.RateLimitExceeded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Forgotten passwords: asking for a link, and choosing a new password with it. */
@Controller
class PasswordResetPages {

    private final PasswordReset passwordReset;
    private final MessageSource messages;

    PasswordResetPages(PasswordReset passwordReset, MessageSource messages) {
        this.passwordReset = passwordReset;
        this.messages = messages;
    }

    record ResetRequestForm(
            @NotBlank(message = "Enter your e-mail address.") @Email(message = "Enter a valid e-mail address.")
            @Size(max = 254) String email) {
    }

    record NewPasswordForm(
            @NotBlank @Size(max = 200) String token,
            @NotBlank(message = "Choose a new password.") @Size(max = 128) String newPassword) {
    }

    @GetMapping("/forgot-password")
    String requestForm(Model model) {
        model.addAttribute("form", new ResetRequestForm(""));
        return "identity/forgot-password";
    }

    /** Answers the same whether or not the address has an account. */
    @PostMapping("/forgot-password")
    String request(@Valid @ModelAttribute("form") ResetRequestForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/forgot-password";
        }
        try {
            passwordReset.request(form.email(), Pages.client(request));
            return "redirect:/forgot-password?notice=reset-requested";
        } catch (RateLimitExceeded e) {
            Pages.status(response, e);
            model.addAttribute("failure", Pages.message(messages, e, "Too many requests. Try again later."));
            return "identity/forgot-password";
        }
    }

    @GetMapping("/reset-password")
    String newPasswordForm(@RequestParam(required = false) String token, Model model,
            HttpServletResponse response) {
        model.addAttribute("form", new NewPasswordForm(token, ""));
        if (token == null || token.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalidLink", true);
        }
        return "identity/reset-password";
    }

    @PostMapping("/reset-password")
    String reset(@Valid @ModelAttribute("form") NewPasswordForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasFieldErrors("token")) {
            return invalidLink(model, response);
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/reset-password";
        }
        try {
            passwordReset.confirm(form.token(), form.newPassword());
        } catch (InvalidToken e) {
            return invalidLink(model, response);
        } catch (WeakPassword e) {
            errors.rejectValue("newPassword", e.code(), e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/reset-password";
        }
        // Every session of the account has ended, this browser's included.
        BrowserCookies.clear(request, response);
        return "redirect:/login?notice=password-reset";
    }

    private static String invalidLink(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("invalidLink", true);
        return "identity/reset-password";
    }
}
