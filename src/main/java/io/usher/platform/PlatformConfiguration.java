package io.usher.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import io.usher.platform.ratelimit.RateLimitProperties;
import io.usher.platform.web.WebProperties;

/** Registers the platform's settings explicitly, so module tests that include the platform get them too. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebProperties.class, RateLimitProperties.class})
class PlatformConfiguration {
}
