package io.usher.catalog;

/** What kind of event it is; the storefront filters by it. */
public enum EventCategory {
    CONCERT, SPORTS, THEATER, CONFERENCE, FESTIVAL, OTHER
}
