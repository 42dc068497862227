package io.usher.identity;

/** What a user may do. A user holds one or more; {@link #CUSTOMER} is everyone's. */
public enum Role {
    ADMIN, ORGANIZER, DOOR_STAFF, AGENT, MANAGER, CUSTOMER;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
