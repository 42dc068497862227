package io.usher.identity.internal;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.identity.UserDirectory;
import io.usher.identity.UserId;

/** Answers {@link UserDirectory} from the user accounts. */
@Service
class UserContacts implements UserDirectory {

    private final UserAccounts accounts;

    UserContacts(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Contact> contact(UserId user) {
        return accounts.findById(user.value()).filter(UserAccount::active)
                .map(account -> new Contact(account.userId(), account.email(), account.displayName()));
    }
}
