package io.usher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;

/**
 * Usher on a real PostgreSQL server instead of the embedded one: the local server on 127.0.0.1:5432 (start it
 * with the command in the README if it is down). Each run migrates a fresh database; the databases of
 * earlier runs are dropped first (the context stays cached until the JVM ends, so a run cannot drop its own).
 */
@TestPropertySource(properties = "usher.identity.demo-accounts=true")
class ExternalDatabaseIntegrationTests extends IntegrationTest {

    private static final String SERVER = System.getenv().getOrDefault("USHER_IT_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("USHER_IT_PG_USER", "postgres");
    private static final String DATABASE = "usher_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) throws SQLException {
        dropEarlierRuns();
        execute("create database " + DATABASE);
        registry.add("usher.db.url", () -> SERVER.replaceFirst("/[^/]*$", "/" + DATABASE));
        registry.add("usher.db.username", () -> USER);
        registry.add("usher.db.password", () -> System.getenv().getOrDefault("USHER_IT_PG_PASSWORD", ""));
    }


    @Test
    void migratesAndServesFromTheConfiguredServer() {
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(DATABASE);
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);

        var login = Accounts.newSignedInCustomer(api);

        assertThat(api.as(login.get("accessToken")).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void createsNoDemoAccountsOnARealServer() {
        assertThat(jdbc.sql("select count(*) from identity_users where email like '%@usher.local'")
                .query(Long.class).single()).isZero();
    }

    private static void dropEarlierRuns() throws SQLException {
        var leftovers = new java.util.ArrayList<String>();
        try (var connection = DriverManager.getConnection(SERVER, USER,
                System.getenv().getOrDefault("USHER_IT_PG_PASSWORD", ""));
                var rows = connection.createStatement()
                        .executeQuery("select datname from pg_database where datname like 'usher\\_it\\_%'")) {
            while (rows.next()) {
                leftovers.add(rows.getString(1));
            }
        }
        for (var name : leftovers) {
            try {
                execute("drop database if exists " + name);
            } catch (SQLException inUseByAnotherRun) {
                // leave it to that run's successor
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER, USER,
                System.getenv().getOrDefault("USHER_IT_PG_PASSWORD", ""));
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
