package io.usher.payment.internal.testgateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.usher.payment.internal.ConditionalOnTestGateway;
import io.usher.payment.internal.PaymentProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test gateway's webhook outbox. An event is written in the transaction of the change it announces and
 * delivered over real HTTP, signed, to the merchant's endpoint (by default this instance's own
 * {@code /api/v1/payments/webhooks/test}) right after the commit and then on a schedule until the endpoint
 * answers 2xx, waiting longer after each failure (1 s, 2 s, 4 s … at most {@code max-delivery-backoff}).
 * Attempts are leased with {@code SKIP LOCKED}, so several instances never send one event at once; delivery is
 * at least once, which the receiving side handles by event id.
 */
@Component
@ConditionalOnTestGateway
public class TestWebhookDelivery implements DisposableBean {

    /** The request header that carries the signature. */
    public static final String SIGNATURE_HEADER = "Usher-Signature";

    private static final Logger log = LoggerFactory.getLogger(TestWebhookDelivery.class);
    private static final String ENDPOINT = "/api/v1/payments/webhooks/test";
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final TestGatewaySecret secret;
    private final JsonMapper json;
    private final Clock clock;
    private final PaymentProperties.TestGateway settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile URI target;

    TestWebhookDelivery(JdbcClient jdbc, TestGatewaySecret secret, JsonMapper json, Clock clock,
            PaymentProperties properties) {
        this.jdbc = jdbc;
        this.secret = secret;
        this.json = json;
        this.clock = clock;
        this.settings = properties.testGateway();
        var configured = settings.webhookUrl();
        this.target = configured == null || configured.isBlank() ? null : URI.create(configured.strip());
    }

    /** Until a URL is configured, webhooks go to this instance's own endpoint, once its port is known. */
    @EventListener
    void on(WebServerInitializedEvent event) {
        var namespace = event.getApplicationContext().getServerNamespace();
        if (target == null && (namespace == null || namespace.isEmpty())) {
            target = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + ENDPOINT);
        }
    }

    /** Writes an event to the outbox in the caller's transaction; it is sent right after the commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(String type, Map<String, Object> data) {
        var now = clock.instant();
        var id = "evt_test_" + TestGatewaySessions.random(24);
        var event = new LinkedHashMap<String, Object>();
        event.put("id", id);
        event.put("object", "event");
        event.put("type", type);
        event.put("created", now.getEpochSecond());
        event.put("data", data);
        jdbc.sql("""
                insert into payment_test_webhooks (event_id, payload, next_attempt_at, created_at)
                values (:id, :payload, :now, :now)
                """)
                .param("id", id).param("payload", json.writeValueAsString(event)).param("now", Timestamp.from(now))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                soon();
            }
        });
    }

    /** Starts a delivery run in the background, unless one is already waiting to start. */
    private void soon() {
        if (queued.compareAndSet(false, true)) {
            background.execute(() -> {
                queued.set(false);
                try {
                    deliverDue();
                } catch (RuntimeException e) {
                    log.warn("Delivering test gateway webhooks failed; the schedule tries again", e);
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${usher.payment.test-gateway.delivery-interval:1s}")
    void scheduled() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Delivering test gateway webhooks failed; the next run tries again", e);
        }
    }

    /** Sends every webhook that is due now (on the injected clock); returns how many were acknowledged. */
    public int deliverDue() {
        var endpoint = target;
        if (endpoint == null) {
            return 0;
        }
        int acknowledged = 0;
        List<Due> batch;
        do {
            batch = claim();
            for (var due : batch) {
                if (send(endpoint, due)) {
                    acknowledged++;
                }
            }
        } while (batch.size() == BATCH);
        return acknowledged;
    }

    private record Due(long id, String eventId, String payload, int attempts, Instant createdAt) {
    }

    /** Leases due deliveries, so a crashed sender's attempt is simply due again after the lease. */
    private List<Due> claim() {
        var now = clock.instant();
        return jdbc.sql("""
                update payment_test_webhooks set next_attempt_at = :lease
                where id in (select id from payment_test_webhooks
                             where delivered_at is null and abandoned_at is null and next_attempt_at <= :now
                             order by next_attempt_at, id limit :batch for update skip locked)
                returning id, event_id, payload, attempts, created_at
                """)
                .param("lease", Timestamp.from(now.plus(LEASE))).param("now", Timestamp.from(now)).param("batch", BATCH)
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getString("event_id"), rs.getString("payload"),
                        rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private boolean send(URI endpoint, Due due) {
        var body = due.payload().getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Usher-TestGateway/1.0")
                .header(SIGNATURE_HEADER, WebhookSignature.header(secret.secret(), clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String error;
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                jdbc.sql("update payment_test_webhooks set delivered_at = :now, attempts = attempts + 1, last_error = null where id = :id")
                        .param("id", due.id()).param("now", Timestamp.from(clock.instant())).update();
                return true;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        failed(due, error);
        return false;
    }

    private void failed(Due due, String error) {
        var now = clock.instant();
        int attempts = due.attempts() + 1;
        var message = error.length() > 300 ? error.substring(0, 300) : error;
        if (now.isAfter(due.createdAt().plus(settings.deliveryGiveUpAfter()))) {
            log.error("Test gateway webhook {} abandoned after {} attempts: {}", due.eventId(), attempts, message);
            jdbc.sql("update payment_test_webhooks set attempts = :attempts, abandoned_at = :now, last_error = :error where id = :id")
                    .param("id", due.id()).param("attempts", attempts).param("now", Timestamp.from(now))
                    .param("error", message).update();
            return;
        }
        var wait = backoff(attempts);
        log.warn("Test gateway webhook {} not acknowledged ({}); attempt {} again in {}", due.eventId(), message,
                attempts + 1, wait);
        jdbc.sql("update payment_test_webhooks set attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id")
                .param("id", due.id()).param("attempts", attempts).param("next", Timestamp.from(now.plus(wait)))
                .param("error", message).update();
    }

    /** 1 s after the first failure, doubling, at most {@code max-delivery-backoff}. */
    public Duration backoff(int failures) {
        var wait = Duration.ofSeconds(1L << Math.min(failures - 1, 30));
        return wait.compareTo(settings.maxDeliveryBackoff()) > 0 ? settings.maxDeliveryBackoff() : wait;
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
