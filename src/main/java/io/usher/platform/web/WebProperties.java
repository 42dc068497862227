package io.usher.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings of the platform.
 *
 * @param baseUrl the public address of this installation, used in links sent by e-mail
 * @param maxBodySize largest request body accepted outside file uploads
 * @param corsAllowedOrigins origins allowed to call the API from a browser; empty means same origin only
 */
@ConfigurationProperties("usher.web")
public record WebProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue List<String> corsAllowedOrigins) {
}
