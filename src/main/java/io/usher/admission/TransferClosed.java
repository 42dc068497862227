package io.usher.admission;

import io.usher.common.UsherException;

/** 409: the holder can no longer be changed */
public class TransferClosed extends UsherException {

    public TransferClosed() {
        super(409, "admission.transfer_closed", "The holder of this ticket can no longer be changed (voided, checked in, or too close to the event).");
    }
}
