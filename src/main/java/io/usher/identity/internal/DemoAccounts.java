package io.usher.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.platform.database.ConditionalOnEmbeddedDatabase;

/**
 * On the embedded database only: one account per role and two organizations, so a newcomer can sign in at
 * once. Passwords are random and printed once, when the accounts are created; never on a real server.
 */
@Component
@ConditionalOnEmbeddedDatabase
@Order(0)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    record Demo(String email, String name, Set<Role> roles) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin@usher.local", "Ada Admin", Set.of(Role.ADMIN)),
            new Demo("organizer@usher.local", "Olivia Organizer", Set.of(Role.ORGANIZER)),
            new Demo("door@usher.local", "Dan Door", Set.of(Role.DOOR_STAFF)),
            new Demo("agent@usher.local", "Alex Agent", Set.of(Role.AGENT)),
            new Demo("manager@usher.local", "Mia Manager", Set.of(Role.MANAGER, Role.AGENT)),
            new Demo("buyer@usher.local", "Ben Buyer", Set.of(Role.CUSTOMER)));

    private final Registration registration;
    private final UserAccounts users;
    private final OrganizationManagement organizations;
    private final TransactionTemplate tx;
    private final IdentityProperties properties;

    DemoAccounts(Registration registration, UserAccounts users, OrganizationManagement organizations,
            TransactionTemplate tx, IdentityProperties properties) {
        this.registration = registration;
        this.users = users;
        this.organizations = organizations;
        this.tx = tx;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoAccounts()) {
            createMissing();
        }
    }

    /** Creates the demo accounts that do not exist yet; returns "e-mail  password  roles" lines for them. */
    List<String> createMissing() {
        var created = new ArrayList<String>();
        tx.executeWithoutResult(status -> {
            for (var demo : ACCOUNTS) {
                if (users.findByEmail(demo.email()).isEmpty()) {
                    var password = "demo-" + randomWord(12);
                    registration.create(demo.email(), password, demo.name(), demo.roles(), true);
                    created.add("%-24s %-20s %s".formatted(demo.email(), password, demo.roles()));
                }
            }
            if (!created.isEmpty()) {
                foundOrganizations();
            }
        });
        if (!created.isEmpty()) {
            log.info("Demo accounts created (embedded database only); their passwords are shown this once. "
                    + "Sign in at /login");
            created.forEach(line -> log.info("Demo account: {}", line.replaceAll("\\s+", " ")));
        }
        return created;
    }

    private void foundOrganizations() {
        var organizer = users.findByEmail("organizer@usher.local").orElseThrow();
        var manager = users.findByEmail("manager@usher.local").orElseThrow();
        if (organizations.mine(actor(organizer)).isEmpty()) {
            var productions = organizations.create(actor(organizer), "Usher Demo Productions",
                    Organization.Kind.ORGANIZER);
            organizations.admit(actor(organizer), productions.id(), "door@usher.local", Organization.MemberRole.MEMBER);
        }
        if (organizations.mine(actor(manager)).isEmpty()) {
            var support = organizations.create(actor(manager), "Usher Support", Organization.Kind.SUPPORT);
            organizations.admit(actor(manager), support.id(), "agent@usher.local", Organization.MemberRole.MEMBER);
        }
    }

    private static CurrentUser actor(UserAccount user) {
        return new CurrentUser(user.userId(), user.email(), user.roles(), new java.util.UUID(0, 0));
    }

    private static String randomWord(int length) {
        var word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return word.toString();
    }
}
