package io.usher.payment.internal;

/** The gateway answered and refused; the same call would be refused again. */
public class GatewayRejection extends RuntimeException {

    public GatewayRejection(String message) {
        super(message);
    }
}
