package io.usher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small HTTP client for the server-rendered pages, for tests that need no browser: it keeps cookies like a
 * browser would, asks for HTML, and posts forms with the CSRF token the last page carried.
 */
public class PageClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrf;

    public PageClient(String base) {
        this.base = base;
    }

    /** Sends this cookie from now on, e.g. an access token the API handed out. */
    public PageClient withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /** Sends this header from now on, e.g. {@code HX-Request} to act as htmx. */
    public PageClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form, adding the CSRF token of the last page fetched. */
    /** The body of the page a form's redirect ({@code 302}, asserted) leads to, fetched on this server. */
    public String followed(Response redirect) {
        if (redirect.status() != 302) {
            throw new AssertionError("Expected a redirect (302), got " + redirect);
        }
        var location = URI.create(redirect.location());
        return get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()))
                .body();
    }

    public Response post(String path, Map<String, String> fields) {
        var all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return postWithoutCsrf(path, all);
    }

    /** Posts a form whose fields may repeat (several checked boxes of one name), adding the CSRF token. */
    public Response postForm(String path, List<Map.Entry<String, String>> fields) {
        var all = new java.util.ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(all.stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&")))));
    }

    /** Posts a form exactly as given. */
    public Response postWithoutCsrf(String path, Map<String, String> fields) {
        var body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder builder) {
        builder.timeout(Duration.ofSeconds(30)).header("Accept", "text/html,application/xhtml+xml");
        headers.forEach(builder::header);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            var response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response.headers().allValues("Set-Cookie"));
            var matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(List<String> setCookies) {
        for (var header : setCookies) {
            var pair = header.split(";", 2)[0];
            var eq = pair.indexOf('=');
            var name = pair.substring(0, eq).strip();
            var value = pair.substring(eq + 1).strip();
            var expired = header.toLowerCase(Locale.ROOT).contains("max-age=0");
            if (value.isEmpty() || expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A page: status, headers and the HTML. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String location() {
            return header("Location");
        }

        public List<String> cookies() {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
