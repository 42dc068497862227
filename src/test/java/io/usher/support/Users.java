package io.usher.support;

import java.util.Set;

import org.springframework.stereotype.Component;

import io.usher.identity.Role;
import io.usher.identity.internal.Registration;

/** Creates users with given roles through identity's own service (no public API grants roles at sign-up). */
@Component
public class Users {

    private final Registration registration;

    public Users(Registration registration) {
        this.registration = registration;
    }

    /** A verified user with these roles; returns the e-mail (password {@link Accounts#PASSWORD}). */
    public String create(String who, Role... roles) {
        var email = Accounts.uniqueEmail(who);
        registration.create(email, Accounts.PASSWORD, who, Set.of(roles), true);
        return email;
    }

    /** Creates the user and signs in; returns the access token. */
    public String signedIn(Api api, String who, Role... roles) {
        var email = create(who, roles);
        var login = Accounts.login(api, email, Accounts.PASSWORD);
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        return login.get("accessToken");
    }
}
