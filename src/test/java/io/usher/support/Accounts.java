package io.usher.support;

import java.util.Map;
import java.util.UUID;

/** Test fixtures for accounts, made through the public API like a real client would. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";

    private Accounts() {
    }

    /** A unique e-mail address per call, so tests sharing one database never collide. */
    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    public static Api.Response register(Api api, String email) {
        return api.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD, "displayName", "Test User"));
    }

    public static Api.Response login(Api api, String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    /** Registers a new customer and signs in; returns the login response (tokens and user). */
    public static Api.Response newSignedInCustomer(Api api) {
        var email = uniqueEmail("buyer");
        var registered = register(api, email);
        if (registered.status() != 201) {
            throw new IllegalStateException("registration failed: " + registered);
        }
        var login = login(api, email, PASSWORD);
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        return login;
    }
}
