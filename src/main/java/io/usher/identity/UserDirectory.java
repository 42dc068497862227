package io.usher.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who a user is, for modules that address people they know by id: a reply e-mail to a ticket's requester, a
 * mentioned agent, an SLA warning to an assignee. Only active accounts are answered.
 */
public interface UserDirectory {

    /** A user's contact details. */
    record Profile(UserId id, String email, String displayName) {
    }

    Optional<Profile> find(UserId user);

    /** The profiles of those of the users that exist, in no particular order. */
    List<Profile> findAll(Collection<UserId> users);

    /** The active user with this e-mail address, in any letter case (an administrator names people by address). */
    Optional<Profile> findByEmail(String email);
}
