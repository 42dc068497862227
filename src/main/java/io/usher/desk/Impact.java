package io.usher.desk;

/** How much of the requester's work (or how many people) a problem affects. */
public enum Impact {
    MINOR, MODERATE, MAJOR, CRITICAL
}
