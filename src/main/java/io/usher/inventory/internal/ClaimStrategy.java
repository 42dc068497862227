package io.usher.inventory.internal;

/** Claims stock for validated hold requests; one implementation per {@link Strategy}. */
interface ClaimStrategy {

    Strategy kind();

    /** Claims stock and writes the hold, or records why not, in a committed transaction; blocks until done. */
    ClaimOutcome claim(Claim claim);
}
