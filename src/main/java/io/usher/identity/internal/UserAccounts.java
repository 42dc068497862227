package io.usher.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.identity.Role;

/**
 * Users in SQL. Counters that concurrent requests change (failed sign-ins, lockout) are updated with one
 * atomic statement each rather than read-modify-write of a whole aggregate.
 */
@Repository
class UserAccounts {

    private static final String COLUMNS = """
            id, email, password_hash, display_name, roles, active, email_verified_at, failed_logins, locked_until,
            created_at""";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws EmailTaken when the e-mail is registered already, in any letter case */
    void insert(UserAccount user) {
        try {
            jdbc.sql("""
                    insert into identity_users (id, email, password_hash, display_name, roles, active,
                        email_verified_at, failed_logins, locked_until, created_at, updated_at)
                    values (:id, :email, :hash, :name, :roles, :active, :verified, 0, null, :created, :created)
                    """)
                    .param("id", user.id())
                    .param("email", user.email())
                    .param("hash", user.passwordHash())
                    .param("name", user.displayName())
                    .param("roles", roleNames(user.roles()))
                    .param("active", user.active())
                    .param("verified", timestamp(user.emailVerifiedAt()))
                    .param("created", timestamp(user.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new EmailTaken();
        }
    }

    Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from identity_users where id = :id")
                .param("id", id).query(UserAccounts::map).optional();
    }

    Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from identity_users where lower(email) = :email")
                .param("email", normalize(email)).query(UserAccounts::map).optional();
    }

    /** Locks the user's row until the transaction ends: sign-ins of one account are serialized. */
    Optional<UserAccount> lockByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from identity_users where lower(email) = :email for update")
                .param("email", normalize(email)).query(UserAccounts::map).optional();
    }

    Optional<UserAccount> lockById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from identity_users where id = :id for update")
                .param("id", id).query(UserAccounts::map).optional();
    }

    /**
     * Counts one more failed sign-in; at {@code threshold} consecutive failures locks the account until
     * {@code lockUntil} and starts counting again.
     *
     * @return the lock's end when this failure locked the account
     */
    Optional<Instant> recordFailedLogin(UUID id, int threshold, Instant lockUntil, Instant now) {
        return jdbc.sql("""
                update identity_users
                set failed_logins = case when failed_logins + 1 >= :threshold then 0 else failed_logins + 1 end,
                    locked_until = case when failed_logins + 1 >= :threshold then :lockUntil else locked_until end,
                    updated_at = :now
                where id = :id
                returning case when locked_until = :lockUntil then locked_until end as locked
                """)
                .param("id", id).param("threshold", threshold)
                .param("lockUntil", timestamp(lockUntil)).param("now", timestamp(now))
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp("locked")).map(Timestamp::toInstant))
                .single();
    }

    void recordSuccessfulLogin(UUID id, Instant now) {
        jdbc.sql("""
                update identity_users set failed_logins = 0, locked_until = null, updated_at = :now
                where id = :id and (failed_logins <> 0 or locked_until is not null)
                """)
                .param("id", id).param("now", timestamp(now)).update();
    }

    /** A new password also lifts a lockout: the owner proved control of the mailbox. */
    void changePassword(UUID id, String hash, Instant now) {
        jdbc.sql("""
                update identity_users
                set password_hash = :hash, failed_logins = 0, locked_until = null, updated_at = :now
                where id = :id
                """)
                .param("id", id).param("hash", hash).param("now", timestamp(now)).update();
    }

    void markEmailVerified(UUID id, Instant now) {
        jdbc.sql("""
                update identity_users set email_verified_at = coalesce(email_verified_at, :now), updated_at = :now
                where id = :id
                """)
                .param("id", id).param("now", timestamp(now)).update();
    }

    void changeDisplayName(UUID id, String displayName, Instant now) {
        jdbc.sql("update identity_users set display_name = :name, updated_at = :now where id = :id")
                .param("id", id).param("name", displayName).param("now", timestamp(now)).update();
    }

    void changeAccess(UUID id, Set<Role> roles, boolean active, Instant now) {
        jdbc.sql("update identity_users set roles = :roles, active = :active, updated_at = :now where id = :id")
                .param("id", id).param("roles", roleNames(roles)).param("active", active)
                .param("now", timestamp(now)).update();
    }

    /** Users whose e-mail or name contains {@code query}, by e-mail. */
    List<UserAccount> search(String query, int page, int size) {
        return jdbc.sql("select " + COLUMNS + """
                 from identity_users
                where :q = '' or lower(email) like :pattern or lower(display_name) like :pattern
                order by lower(email)
                limit :size offset :offset
                """)
                .param("q", query).param("pattern", pattern(query))
                .param("size", size).param("offset", (long) page * size)
                .query(UserAccounts::map).list();
    }

    long count(String query) {
        return jdbc.sql("""
                select count(*) from identity_users
                where :q = '' or lower(email) like :pattern or lower(display_name) like :pattern
                """)
                .param("q", query).param("pattern", pattern(query))
                .query(Long.class).single();
    }

    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String pattern(String query) {
        var escaped = query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String[] roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        var roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                rs.getString("display_name"), roles, rs.getBoolean("active"), instant(rs, "email_verified_at"),
                rs.getInt("failed_logins"), instant(rs, "locked_until"), instant(rs, "created_at"));
    }
}
