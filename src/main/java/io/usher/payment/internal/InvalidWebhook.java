package io.usher.payment.internal;

import io.usher.common.UsherException;

/** 400: a correctly signed webhook whose body cannot be read as an event. */
public class InvalidWebhook extends UsherException {

    public InvalidWebhook(String detail) {
        super(400, "payment.invalid_webhook", detail);
    }
}
