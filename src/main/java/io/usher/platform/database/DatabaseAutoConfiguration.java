package io.usher.platform.database;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The application's {@link DataSource}: the configured PostgreSQL server, or an embedded one when none is
 * configured. An auto-configuration (not a scanned class) so that slice and module tests get it too.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseAutoConfiguration {

    @Bean
    HikariDataSource dataSource(DatabaseProperties properties) {
        var config = new HikariConfig();
        config.setPoolName("usher");
        config.setMaximumPoolSize(properties.maxPoolSize());
        if (properties.isEmbedded()) {
            config.setJdbcUrl(EmbeddedPostgresServer.jdbcUrl(properties.embedded()));
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        }
        return new HikariDataSource(config);
    }
}
