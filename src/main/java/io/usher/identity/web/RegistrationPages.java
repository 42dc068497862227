package io.usher.identity.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.usher.identity.CurrentUser;
import io.usher.identity.internal.EmailTaken;
import io.usher.identity.internal.InvalidToken;
import io.usher.identity.internal.Registration;
import io.usher.identity.internal.WeakPassword;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Sign-up and the confirmation of the e-mail address. */
@Controller
class RegistrationPages {

    private static final int MAX_TOKEN_LENGTH = 200;

    private final Registration registration;

    RegistrationPages(Registration registration) {
        this.registration = registration;
    }

    record RegistrationForm(
            @NotBlank(message = "Enter your e-mail address.") @Email(message = "Enter a valid e-mail address.")
            @Size(max = 254) String email,
            @NotBlank(message = "Enter the name others should see.") @Size(max = 100) String displayName,
            @NotBlank(message = "Choose a password.") @Size(max = 128) String password) {
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", new RegistrationForm("", "", ""));
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/register";
        }
        try {
            registration.register(form.email(), form.password(), form.displayName());
            return "redirect:/login?notice=registered";
        } catch (WeakPassword e) {
            errors.rejectValue("password", e.code(), e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/register";
        } catch (EmailTaken e) {
            errors.rejectValue("email", e.code(),
                    "An account with this e-mail address exists already. Sign in or reset the password.");
            response.setStatus(HttpStatus.CONFLICT.value());
            return "identity/register";
        }
    }

    /** Only shows a button: mail scanners open links, and that must not confirm anything. */
    @GetMapping("/verify-email")
    String confirmation(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (!plausible(token)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalidLink", true);
            return "identity/verify-email";
        }
        model.addAttribute("token", token);
        return "identity/verify-email";
    }

    @PostMapping("/verify-email")
    String verify(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (plausible(token)) {
            try {
                registration.verifyEmail(token);
                return CurrentUser.find().isPresent() ? "redirect:/account?notice=email-verified"
                        : "redirect:/login?notice=email-verified";
            } catch (InvalidToken e) {
                // Used or expired: the same answer as a malformed link.
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("invalidLink", true);
        return "identity/verify-email";
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN_LENGTH;
    }
}
