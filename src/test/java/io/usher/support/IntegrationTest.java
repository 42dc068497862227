package io.usher.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Base of integration tests: the whole application on a random port, on the embedded PostgreSQL, mailing
 * to GreenMail, with a clock tests can move. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({IntegrationTest.TestClockConfiguration.class, Users.class, StockFixtures.class,
        io.usher.inventory.internal.InventoryTestAccess.class})
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected Api api;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("usher.notification.smtp.host", () -> "127.0.0.1");
        registry.add("usher.notification.smtp.port", () -> TestMailServer.get().getSmtp().getPort());
    }

    @BeforeEach
    void resetClockAndClient() {
        clock.reset();
        api = new Api("http://localhost:" + port);
    }

    protected static GreenMail mail() {
        return TestMailServer.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
