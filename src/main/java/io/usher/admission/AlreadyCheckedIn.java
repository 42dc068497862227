package io.usher.admission;

import java.time.Instant;
import java.util.Map;

import io.usher.common.UsherException;

/** 409: the ticket was already admitted, at this time and gate. */
public class AlreadyCheckedIn extends UsherException {

    private final Instant checkedInAt;
    private final String gate;
    private final String holderName;

    public AlreadyCheckedIn(Instant checkedInAt, String gate, String holderName) {
        super(409, "admission.already_checked_in", "Already checked in at " + checkedInAt + " (gate " + gate + ").");
        this.checkedInAt = checkedInAt;
        this.gate = gate;
        this.holderName = holderName;
    }

    public Instant checkedInAt() {
        return checkedInAt;
    }

    public String gate() {
        return gate;
    }

    public String holderName() {
        return holderName;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("checkedInAt", checkedInAt, "gate", gate, "holderName", holderName);
    }
}
