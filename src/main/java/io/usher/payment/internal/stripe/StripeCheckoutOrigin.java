package io.usher.payment.internal.stripe;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import io.usher.platform.web.FormTargets;

/** Checkout forms redirect to Stripe's hosted page; the browser follows only if the page's CSP allows it. */
@Component
@ConditionalOnExpression("!'${usher.payment.stripe.secret-key:}'.isBlank()")
class StripeCheckoutOrigin implements FormTargets {

    @Override
    public List<String> origins() {
        return List.of("https://checkout.stripe.com");
    }
}
