package io.usher.identity.internal;

import io.usher.common.UsherException;

/**
 * The result of a transaction that must commit even when the client gets an error: a failed sign-in still
 * counts towards the lockout, a reused refresh token still revokes its session. The transaction returns a
 * failure instead of throwing (which would roll it back); the caller throws it after the commit.
 */
sealed interface Outcome<T> {

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> fail(UsherException failure) {
        return new Failed<>(failure);
    }

    default T orThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Failed<T> failed -> throw failed.failure();
        };
    }

    record Ok<T>(T value) implements Outcome<T> {
    }

    record Failed<T>(UsherException failure) implements Outcome<T> {
    }
}
