package io.usher.payment;

import java.net.URI;

/** A started checkout: send the buyer to {@code redirectUrl}, the gateway's payment page. */
public record Checkout(PaymentId payment, URI redirectUrl) {
}
