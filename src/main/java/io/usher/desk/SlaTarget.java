package io.usher.desk;

/** The two SLA timers a ticket runs. */
public enum SlaTarget {
    /** Met by the first public reply of an agent. */
    FIRST_RESPONSE,
    /** Met when the ticket is resolved. */
    RESOLUTION
}
