package io.usher.identity;

import java.util.Optional;

/** How to reach a user, for modules that notify people they know only by id (the desk's assignees, managers). */
public interface UserDirectory {

    /** The user's e-mail address and display name; empty for an unknown or deactivated user. */
    Optional<Contact> contact(UserId user);

    /** Where to reach one user. */
    record Contact(UserId id, String email, String displayName) {
    }
}
