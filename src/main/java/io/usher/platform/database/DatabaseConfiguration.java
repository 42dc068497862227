package io.usher.platform.database;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
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
