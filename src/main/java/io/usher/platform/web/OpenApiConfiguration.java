package io.usher.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description at {@code /v3/api-docs}: bearer authentication, the problem-detail schema, and for
 * every operation the errors it can answer with ({@link ApiProblem} plus the ones every endpoint shares).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI usherOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Usher API").version("v1")
                        .description("Box office and service desk. Every error is an RFC 9457 problem detail "
                                + "with a stable `code` and the request's `correlationId`.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            var documented = new TreeMap<Integer, List<ApiProblem>>();
            Stream.concat(
                            AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getBeanType(), ApiProblem.class)
                                    .stream(),
                            AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), ApiProblem.class)
                                    .stream())
                    .forEach(p -> documented.computeIfAbsent(p.status(), s -> new java.util.ArrayList<>()).add(p));
            documented.computeIfAbsent(400, s -> new java.util.ArrayList<>());
            documented.computeIfAbsent(429, s -> new java.util.ArrayList<>());
            documented.computeIfAbsent(500, s -> new java.util.ArrayList<>());
            documented.forEach((status, problems) -> {
                var codes = problems.stream().flatMap(p -> Stream.of(p.codes())).distinct().toList();
                var description = problems.stream().map(ApiProblem::description).filter(d -> !d.isBlank())
                        .findFirst().orElse(defaultDescription(status));
                if (!codes.isEmpty()) {
                    description = description + " Codes: " + String.join(", ", codes) + ".";
                }
                operation.getResponses().addApiResponse(status.toString(), new ApiResponse()
                        .description(description)
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            });
            return operation;
        };
    }

    private static String defaultDescription(int status) {
        return switch (status) {
            case 400 -> "Malformed JSON, unknown fields, wrong types or invalid values (request.*).";
            case 401 -> "Missing, expired or revoked access token (identity.unauthenticated).";
            case 403 -> "Signed in without the needed role (identity.forbidden).";
            case 404 -> "Not found, or not visible to the caller.";
            case 409 -> "Conflicts with the current state.";
            case 413 -> "Request body too large (request.too_large).";
            case 429 -> "Rate limit reached; see Retry-After (platform.rate_limited).";
            case 500 -> "Unexpected failure; quote the correlationId (internal_error).";
            default -> "Error.";
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().example("/problems/identity.email_taken"));
        properties.put("title", new StringSchema().example("Conflict"));
        properties.put("status", new IntegerSchema().example(409));
        properties.put("detail", new StringSchema());
        properties.put("instance", new StringSchema().example("/api/v1/auth/register"));
        properties.put("code", new StringSchema().example("identity.email_taken"));
        properties.put("correlationId", new StringSchema());
        properties.put("errors", new ArraySchema().items(new ObjectSchema()
                .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
        return new ObjectSchema().properties(properties).description("RFC 9457 problem detail");
    }
}
