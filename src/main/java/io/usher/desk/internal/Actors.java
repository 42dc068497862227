package io.usher.desk.internal;

import java.util.UUID;

/** Who is recorded in the change log when the desk itself acts (round-robin, SLA monitor, auto-close). */
final class Actors {

    /** The nil UUID: no person did this, the desk's rules did. */
    static final UUID SYSTEM = new UUID(0, 0);

    private Actors() {
    }
}
