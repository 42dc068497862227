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

import io.usher.identity.CurrentUser;
import io.usher.identity.internal.AccountDisabled;
import io.usher.identity.internal.AccountLocked;
import io.usher.identity.internal.Authentication;
import io.usher.identity.internal.BadCredentials;
import io.usher.identity.internal.IdentityProperties;
import io.usher.platform.ratelimit.RateLimitExceeded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Signing in and out in the browser: the tokens go into cookies, see {@link BrowserCookies}. */
@Controller
class SignInPage {

    private final Authentication authentication;
    private final IdentityProperties properties;
    private final MessageSource messages;

    SignInPage(Authentication authentication, IdentityProperties properties, MessageSource messages) {
        this.authentication = authentication;
        this.properties = properties;
        this.messages = messages;
    }

    record SignInForm(
            @NotBlank(message = "Enter your e-mail address.") @Size(max = 254) String email,
            @NotBlank(message = "Enter your password.") @Size(max = 128) String password,
            String next) {
    }

    @GetMapping("/login")
    String form(@RequestParam(required = false) String next, Model model) {
        if (CurrentUser.find().isPresent()) {
            return "redirect:" + SafeRedirects.localPath(next);
        }
        model.addAttribute("form", new SignInForm("", "", next));
        return "identity/login";
    }

    @PostMapping("/login")
    String signIn(@Valid @ModelAttribute("form") SignInForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/login";
        }
        try {
            var tokens = authentication.login(form.email(), form.password(), Pages.client(request));
            BrowserCookies.write(request, response, tokens, properties.refreshTokenTtl());
            return "redirect:" + SafeRedirects.localPath(form.next());
        } catch (BadCredentials | AccountLocked | AccountDisabled | RateLimitExceeded e) {
            Pages.status(response, e);
            model.addAttribute("failure", Pages.message(messages, e, "Signing in did not work. Try again."));
            return "identity/login";
        }
    }

    @PostMapping("/logout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        CurrentUser.find().ifPresent(user -> authentication.logout(user.sessionId(), user.id().value()));
        BrowserCookies.clear(request, response);
        return "redirect:/login?notice=signed-out";
    }
}
