package io.usher.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Usher keeps its data. With no {@code url} Usher starts an embedded PostgreSQL and keeps its files in
 * {@code embedded.dataDir}, so a restart keeps the data; with a {@code url} it talks to that server.
 *
 * @param url JDBC URL of an external PostgreSQL (15+); blank means embedded
 * @param username user for the external server
 * @param password password for the external server
 * @param maxPoolSize connection pool size
 * @param embedded settings of the embedded server
 */
@ConfigurationProperties("usher.db")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        @DefaultValue("20") int maxPoolSize,
        @DefaultValue Embedded embedded) {

    /** {@code true} when no external server is configured. */
    public boolean isEmbedded() {
        return url == null || url.isBlank();
    }

    /**
     * @param dataDir directory of the embedded cluster's files
     * @param ephemeral start from an empty cluster in a temporary directory and delete it on exit (tests)
     * @param port the embedded server's port on 127.0.0.1; 0 picks a free one (tools such as the benchmark set
     *        it to inspect the database)
     */
    public record Embedded(@DefaultValue("./data/postgres") Path dataDir, @DefaultValue("false") boolean ephemeral,
            @DefaultValue("0") int port) {
    }
}
