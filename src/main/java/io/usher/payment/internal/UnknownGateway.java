package io.usher.payment.internal;

import io.usher.common.UsherException;

/** 404: no such gateway runs here (a webhook for Stripe while only the test gateway is configured, say). */
public class UnknownGateway extends UsherException {

    public UnknownGateway(String name) {
        super(404, "payment.unknown_gateway", "No payment gateway '" + name + "' is configured here.");
    }
}
