package io.usher.payment;

import io.usher.common.UsherException;

/** 400: a payment request or refund that cannot be valid (no amount, a relative return URL …). */
public class InvalidPaymentRequest extends UsherException {

    public InvalidPaymentRequest(String detail) {
        super(400, "payment.invalid_request", detail);
    }
}
