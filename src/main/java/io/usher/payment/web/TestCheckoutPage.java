package io.usher.payment.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

import io.usher.common.Money;
import io.usher.common.UsherException;
import io.usher.payment.internal.ConditionalOnTestGateway;
import io.usher.payment.internal.testgateway.TestCard;
import io.usher.payment.internal.testgateway.TestGatewaySessions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The test gateway's hosted payment page, like a hosted checkout: the buyer arrives from the shop, pays with a
 * test card and goes back to the shop's return address. What the page does is only the gateway's side; the
 * shop learns the outcome from the gateway's signed webhook, never from this redirect.
 */
@Controller
@ConditionalOnTestGateway
class TestCheckoutPage {

    private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])\\s*/\\s*(\\d{2})");
    private static final Pattern CVC = Pattern.compile("\\d{3,4}");

    private final TestGatewaySessions sessions;
    private final Clock clock;

    TestCheckoutPage(TestGatewaySessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record CardForm(
            @NotBlank(message = "Enter the card number.") @Size(max = 30) String cardNumber,
            @NotBlank(message = "Enter the expiry date as MM/YY.") @Size(max = 10) String expiry,
            @NotBlank(message = "Enter the 3 or 4 digit security code.") @Size(max = 4) String cvc) {
    }

    /** One of the test cards, as the page lists them. */
    record CardHint(String number, String outcome) {
    }

    @GetMapping("/pay/test/{sessionId}")
    String page(@PathVariable String sessionId, Model model) {
        return render(session(sessionId), new CardForm("", "", ""), model);
    }

    @PostMapping("/pay/test/{sessionId}")
    Object pay(@PathVariable String sessionId, @Valid @ModelAttribute("form") CardForm form, BindingResult errors,
            Model model, HttpServletResponse response) {
        var session = session(sessionId);
        if (session.status() == TestGatewaySessions.Session.Status.OPEN) {
            validate(form, errors);
            if (errors.hasErrors()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return render(session, form, model);
            }
            session = sessions.pay(sessionId, TestCard.of(form.cardNumber()).orElseThrow());
        }
        return switch (session.status()) {
            case SUCCEEDED -> {
                var back = new RedirectView(session.returnUrl().toString());
                back.setStatusCode(HttpStatus.SEE_OTHER);
                yield (View) back;
            }
            case DECLINED -> {
                response.setStatus(HttpStatus.PAYMENT_REQUIRED.value());
                yield render(session, form, model);
            }
            case OPEN, PROCESSING -> render(session, form, model);
        };
    }

    private void validate(CardForm form, BindingResult errors) {
        if (!errors.hasFieldErrors("cardNumber") && TestCard.of(form.cardNumber()).isEmpty()) {
            errors.rejectValue("cardNumber", "unknown", "This is the test gateway: use one of the test cards listed below.");
        }
        if (!errors.hasFieldErrors("expiry")) {
            var matcher = EXPIRY.matcher(form.expiry().strip());
            if (!matcher.matches()) {
                errors.rejectValue("expiry", "format", "Enter the expiry date as MM/YY.");
            } else {
                var expiry = YearMonth.of(2000 + Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1)));
                if (expiry.isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
                    errors.rejectValue("expiry", "expired", "The card has expired.");
                }
            }
        }
        if (!errors.hasFieldErrors("cvc") && !CVC.matcher(form.cvc().strip()).matches()) {
            errors.rejectValue("cvc", "format", "Enter the 3 or 4 digit security code.");
        }
    }

    private String render(TestGatewaySessions.Session session, CardForm form, Model model) {
        model.addAttribute("checkout", session);
        model.addAttribute("amount", format(session.amount()));
        model.addAttribute("form", form);
        model.addAttribute("cards", Arrays.stream(TestCard.values())
                .map(card -> new CardHint(card.number().replaceAll("(\\d{4})(?=\\d)", "$1 "), switch (card) {
                    case SUCCEEDS -> "succeeds";
                    case DECLINED -> "is declined";
                    case INSUFFICIENT_FUNDS -> "is declined: insufficient funds";
                    case SUCCEEDS_AFTER_DELAY -> "succeeds after the bank's 10 second check";
                })).toList());
        return "payment/test-checkout";
    }

    private TestGatewaySessions.Session session(String id) {
        return sessions.find(id).orElseThrow(SessionNotFound::new);
    }

    static String format(Money money) {
        var format = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
        format.setCurrency(money.currency());
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(java.math.BigDecimal.valueOf(money.minor(), digits));
    }

    /** 404: no such checkout session. */
    static final class SessionNotFound extends UsherException {
        SessionNotFound() {
            super(404, "payment.session_not_found", "No such checkout session.");
        }
    }
}
