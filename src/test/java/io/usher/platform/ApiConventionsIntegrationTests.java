package io.usher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;

/** Every client mistake is a 4xx problem detail with a stable code; every response carries a correlation id. */
@ExtendWith(OutputCaptureExtension.class)
class ApiConventionsIntegrationTests extends IntegrationTest {

    @Test
    void answersMalformedJsonWith400() {
        var response = api.postRaw("/api/v1/auth/login", "{\"email\": ", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("request.malformed");
        assertThat(response.get("type")).isEqualTo("/problems/request.malformed");
        assertThat(response.get("title")).isEqualTo("Bad Request");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.get("instance")).isEqualTo("/api/v1/auth/login");
        assertThat(response.get("correlationId")).isEqualTo(response.header("X-Correlation-ID"));
    }

    @Test
    void namesAnUnknownField() {
        var response = api.postRaw("/api/v1/auth/login",
                "{\"email\":\"a@b.test\",\"password\":\"x\",\"admin\":true}", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.get("detail")).isEqualTo("Unknown field 'admin'.");
    }

    @Test
    void namesAFieldOfTheWrongType() {
        var response = api.postRaw("/api/v1/auth/login", "{\"email\":[1,2],\"password\":\"x\"}", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.get("detail")).contains("'email'");
    }

    @Test
    void answersAMissingBodyWith400() {
        var response = api.postRaw("/api/v1/auth/login", "", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request.malformed");
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        var huge = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";

        var response = api.postRaw("/api/v1/auth/login", huge, "application/json");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("request.too_large");
    }

    @Test
    void answersTheWrongMediaTypeWith415() {
        var response = api.postRaw("/api/v1/auth/login", "email=a", "text/plain");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("request.unsupported_media_type");
    }

    @Test
    void answersUnknownRoutesAndMethodsWithProblems() {
        var token = Accounts.newSignedInCustomer(api).get("accessToken");

        var notFound = api.as(token).get("/api/v1/nothing-here");
        var wrongMethod = api.as(token).delete("/api/v1/me");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.code()).isEqualTo("request.not_found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo("request.method_not_allowed");
    }

    @Test
    void echoesASafeClientCorrelationIdAndLogsIt(CapturedOutput output) {
        var response = api.with("X-Correlation-ID", "checkout-42").post("/api/v1/auth/login",
                Map.of("email", Accounts.uniqueEmail("nobody"), "password", "whatever it is"));

        assertThat(response.header("X-Correlation-ID")).isEqualTo("checkout-42");
        assertThat(response.get("correlationId")).isEqualTo("checkout-42");
        // The access line is written as the request ends, which can be just after the client has the response.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(output.getOut().lines().filter(line -> line.contains("\"correlationId\":\"checkout-42\"")))
                        .anyMatch(line -> line.contains("POST /api/v1/auth/login 401")));
    }

    @Test
    void replacesAnUnsafeOrOverlongCorrelationId() {
        var unsafe = api.with("X-Correlation-ID", "<script>alert(1)</script>").get("/api/v1/me");
        var overlong = api.with("X-Correlation-ID", "x".repeat(100)).get("/api/v1/me");
        var none = api.get("/api/v1/me");

        assertThat(unsafe.header("X-Correlation-ID")).isEqualTo("scriptalert1script");
        assertThat(overlong.header("X-Correlation-ID")).hasSize(64);
        assertThat(none.header("X-Correlation-ID")).matches("[0-9a-f-]{36}");
    }

    @Test
    void sendsSecurityHeaders() {
        var response = api.get("/api/v1/me");

        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .as("forms may lead to Usher's own base URL (the test gateway's page), nowhere else")
                .contains("form-action 'self' http://localhost:8080;");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Strict-Transport-Security")).as("only over TLS").isNull();
    }

    @Test
    void allowsCrossOriginCallsOnlyFromConfiguredOrigins() {
        var allowed = api.with("Origin", "https://shop.example.test")
                .with("Access-Control-Request-Method", "POST")
                .with("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/auth/login");
        var refused = api.with("Origin", "https://evil.example.test")
                .with("Access-Control-Request-Method", "POST")
                .options("/api/v1/auth/login");

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.test");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void countsApiCallsAgainstTheRateLimitEvenWhenRefused() {
        var response = api.get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo("100000");
        assertThat(Long.parseLong(response.header("X-RateLimit-Remaining"))).isLessThan(100000);
    }

    @Test
    void describesEveryEndpointWithItsErrorsInOpenApi() {
        var docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/me",
                "/api/v1/me/sessions/{id}", "/api/v1/admin/users", "/api/v1/organizations");
        var login = paths.get("/api/v1/auth/login").get("post").get("responses");
        assertThat(login.propertyNames()).contains("200", "400", "401", "403", "423", "429", "500");
        assertThat(login.get("401").get("description").asString()).contains("identity.bad_credentials");
        assertThat(api.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void exposesHealthWithTheDatabaseAndPrometheusMetrics() {
        var health = api.get("/actuator/health");
        var metrics = api.get("/actuator/prometheus");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.get("status")).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("http_server_requests_seconds");
    }
}
