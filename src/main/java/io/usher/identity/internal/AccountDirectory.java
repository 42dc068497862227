package io.usher.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.usher.identity.UserDirectory;
import io.usher.identity.UserId;

/** Answers contact details of active accounts from {@code identity_users}. */
@Service
class AccountDirectory implements UserDirectory {

    private final JdbcClient jdbc;

    AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Profile> find(UserId user) {
        return findAll(List.of(user)).stream().findFirst();
    }

    @Override
    public List<Profile> findAll(Collection<UserId> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        var ids = users.stream().map(UserId::value).distinct().toArray(UUID[]::new);
        return jdbc.sql("select id, email, display_name from identity_users where id = any(:ids) and active")
                .param("ids", ids)
                .query((rs, row) -> new Profile(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
                        rs.getString("display_name")))
                .list();
    }

    @Override
    public Optional<Profile> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select id, email, display_name from identity_users where lower(email) = lower(:email) and active")
                .param("email", email.strip())
                .query((rs, row) -> new Profile(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
                        rs.getString("display_name")))
                .optional();
    }
}
