package io.usher.payment;

import io.usher.common.UsherException;

/** 409: only a captured payment can be refunded. */
public class PaymentNotRefundable extends UsherException {

    public PaymentNotRefundable(PaymentStatus status) {
        super(409, "payment.not_refundable", "A " + status + " payment cannot be refunded.");
    }
}
