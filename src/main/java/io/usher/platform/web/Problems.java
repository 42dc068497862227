package io.usher.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the RFC 9457 problem details every error response uses: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, a stable {@code code} and the {@code correlationId}.
 */
public final class Problems {

    private Problems() {
    }

    /** A problem with the stable {@code code}; {@code type} is {@code /problems/<code>}. */
    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code));
        var reason = HttpStatus.resolve(status.value());
        problem.setTitle(reason != null ? reason.getReasonPhrase() : "Error");
        problem.setProperty("code", code);
        problem.setProperty("correlationId", CorrelationId.current());
        return problem;
    }

    /** Writes a problem from outside Spring MVC (servlet filters, security entry points). */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            JsonMapper json) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    /** Adds members to a problem. */
    public static ProblemDetail with(ProblemDetail problem, Map<String, Object> properties) {
        properties.forEach(problem::setProperty);
        return problem;
    }
}
