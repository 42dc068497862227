package io.usher.desk;

/** How soon the requester needs it fixed. */
public enum Urgency {
    LOW, MEDIUM, HIGH, IMMEDIATE
}
