package io.usher.payment.internal;

import io.usher.common.UsherException;

/** 400: a webhook whose signature does not verify (wrong secret, altered body, or too old a timestamp). */
public class InvalidSignature extends UsherException {

    public InvalidSignature(String detail) {
        super(400, "payment.invalid_signature", detail);
    }
}
