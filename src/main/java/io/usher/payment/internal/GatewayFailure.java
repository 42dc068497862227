package io.usher.payment.internal;

/** The gateway could not be reached or failed on its side; the same call may work later. */
public class GatewayFailure extends RuntimeException {

    public GatewayFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
