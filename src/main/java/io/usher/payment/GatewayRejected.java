package io.usher.payment;

import io.usher.common.UsherException;

/** 422: the gateway refused the request (a refund of a disputed charge, say); its reason is in the detail. */
public class GatewayRejected extends UsherException {

    public GatewayRejected(String gateway, String reason) {
        super(422, "payment.gateway_rejected", "The payment provider (" + gateway + ") refused: " + reason);
    }
}
