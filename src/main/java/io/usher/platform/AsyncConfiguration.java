package io.usher.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Module listeners ({@code @ApplicationModuleListener}) run asynchronously, on virtual threads. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
