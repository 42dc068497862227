package io.usher.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;

/** On the embedded database: one account per role and two organizations, passwords printed only once. */
class DemoAccountsIntegrationTests extends IntegrationTest {

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsOneSignInAbleAccountPerRoleOnceAndPrintsThePasswordsOnce() {
        var first = demo.createMissing();
        var second = demo.createMissing();

        assertThat(first).hasSize(6);
        assertThat(second).as("created once, printed once").isEmpty();
        var admin = first.stream().filter(line -> line.startsWith("admin@usher.local")).findFirst().orElseThrow();
        var login = Accounts.login(api, "admin@usher.local", admin.split("\\s+")[1]);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("user").get("roles").toString()).contains("ADMIN");
        assertThat(login.json().get("user").get("emailVerified").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from identity_organizations where name in "
                + "('Usher Demo Productions', 'Usher Support')").query(Long.class).single()).isEqualTo(2);
    }
}
