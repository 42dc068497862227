package io.usher.payment;

import io.usher.common.UsherException;

/** 404: no such payment. */
public class PaymentNotFound extends UsherException {

    public PaymentNotFound() {
        super(404, "payment.not_found", "No such payment.");
    }
}
