package io.usher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Usher: box office and service desk on one core, as one modular monolith.
 * Each direct sub-package is an application module; see {@code docs/} for the generated map.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "common")
public class UsherApplication {

    public static void main(String[] args) {
        SpringApplication.run(UsherApplication.class, args);
    }
}
