package io.usher.platform.database;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The application's {@link DataSource}: the configured PostgreSQL server, or an embedded one when none is
 * configured. Boot's own data source configuration backs off because this bean exists.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean
    @Conditional(OnEmbeddedDatabaseCondition.class)
    EmbeddedPostgresServer.Lease embeddedPostgres(DatabaseProperties properties) {
        return EmbeddedPostgresServer.acquire(properties.embedded());
    }

    /** Depends on the lease, so Spring closes this pool before it lets the embedded server stop. */
    @Bean
    HikariDataSource dataSource(DatabaseProperties properties, Optional<EmbeddedPostgresServer.Lease> embedded) {
        var config = new HikariConfig();
        config.setPoolName("usher");
        config.setMaximumPoolSize(properties.maxPoolSize());
        if (embedded.isPresent()) {
            config.setJdbcUrl(embedded.get().jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        }
        return new HikariDataSource(config);
    }
}
