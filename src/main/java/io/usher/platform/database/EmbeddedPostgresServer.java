package io.usher.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM, shared by every application context in it (tests start several). Each
 * context holds a {@link Lease}; the server stops when the last lease is released, which Spring does after
 * closing the data source, so nothing still running at shutdown finds the database gone. Durable settings
 * stay on: an acknowledged write survives a crash of the embedded server too.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres server;
    private static int leases;

    private EmbeddedPostgresServer() {
    }

    static synchronized Lease acquire(DatabaseProperties.Embedded settings) {
        if (server == null) {
            server = start(settings);
        }
        leases++;
        return new Lease(server.getJdbcUrl("postgres", "postgres"));
    }

    private static synchronized void release() {
        if (--leases == 0 && server != null) {
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Could not stop the embedded PostgreSQL cleanly", e);
            }
            server = null;
        }
    }

    private static EmbeddedPostgres start(DatabaseProperties.Embedded settings) {
        try {
            var dataDir = settings.ephemeral()
                    ? Files.createTempDirectory("usher-pg-")
                    : Files.createDirectories(settings.dataDir().toAbsolutePath().normalize());
            log.info("Starting embedded PostgreSQL with data in {}", dataDir);
            var builder = EmbeddedPostgres.builder();
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            return builder
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(settings.ephemeral())
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** A context's use of the server; Spring releases it when the context closes. */
    static final class Lease implements DisposableBean {

        private final String jdbcUrl;
        private boolean released;

        private Lease(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
        }

        String jdbcUrl() {
            return jdbcUrl;
        }

        @Override
        public synchronized void destroy() {
            if (!released) {
                released = true;
                release();
            }
        }
    }
}
