package io.usher.admission;

import io.usher.common.UsherException;

/** 422: the token's signature does not verify under the event's key */
public class ForgedTicket extends UsherException {

    public ForgedTicket() {
        super(422, "admission.invalid_signature", "The ticket's signature is not valid for this event: the QR code was not issued by Usher or was altered.");
    }
}
