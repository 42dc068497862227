package io.usher.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM, shared by every application context in it (tests start several).
 * Durable settings stay on: an acknowledged write survives a crash of the embedded server too.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    static synchronized String jdbcUrl(DatabaseProperties.Embedded settings) {
        if (server == null) {
            server = start(settings);
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start(DatabaseProperties.Embedded settings) {
        try {
            var dataDir = settings.ephemeral()
                    ? Files.createTempDirectory("usher-pg-")
                    : Files.createDirectories(settings.dataDir().toAbsolutePath().normalize());
            log.info("Starting embedded PostgreSQL with data in {}", dataDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(settings.ephemeral())
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

}
