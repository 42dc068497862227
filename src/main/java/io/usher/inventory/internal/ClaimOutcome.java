package io.usher.inventory.internal;

import java.util.List;
import java.util.UUID;

import io.usher.common.UsherException;

/** What a strategy did with one claim. */
sealed interface ClaimOutcome {

    /** Stock claimed and the hold written. */
    record Placed(UUID holdId, List<Claim.ChosenSeat> seats) implements ClaimOutcome {
    }

    /** Not enough stock, seat taken, buyer limit: the refusal was recorded for the idempotency key. */
    record Refused(UsherException reason) implements ClaimOutcome {
    }

    /** The idempotency key was already answered (or is being answered): replay what is stored. */
    record Duplicate() implements ClaimOutcome {
    }
}
