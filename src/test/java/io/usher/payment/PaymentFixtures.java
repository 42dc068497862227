package io.usher.payment;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.usher.common.Money;
import io.usher.identity.UserId;
import io.usher.payment.internal.testgateway.WebhookSignature;
import io.usher.support.Api;
import io.usher.support.PageClient;
import tools.jackson.databind.json.JsonMapper;

/** Checkouts, the hosted test page and signed test-gateway webhooks, for the payment module's tests. */
final class PaymentFixtures {

    static final URI RETURN_URL = URI.create("https://shop.example.test/orders/42/paid");
    static final URI CANCEL_URL = URI.create("https://shop.example.test/orders/42");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Payments payments;
    private final String base;
    private final String secret;

    PaymentFixtures(Payments payments, String base, String secret) {
        this.payments = payments;
        this.base = base;
        this.secret = secret;
    }

    static PaymentRequest request(UserId buyer, long amountMinor, String clientIp) {
        return new PaymentRequest("order-" + UUID.randomUUID(), Money.of(amountMinor, "EUR"), "buyer@example.test", buyer,
                clientIp, "Two tickets for Harbour Hall", RETURN_URL, CANCEL_URL, "key-" + UUID.randomUUID());
    }

    static UserId newBuyer() {
        return new UserId(UUID.randomUUID());
    }

    static String newIp() {
        var random = UUID.randomUUID().getLeastSignificantBits();
        return "10." + (random & 0xff) + "." + ((random >> 8) & 0xff) + "." + ((random >> 16) & 0xff);
    }

    Checkout checkout(long amountMinor) {
        return payments.startCheckout(request(newBuyer(), amountMinor, newIp()));
    }

    /** The hosted page of a checkout, opened in a fresh "browser". */
    HostedPage open(Checkout checkout) {
        var page = new PageClient(base);
        var path = checkout.redirectUrl().getPath();
        return new HostedPage(page, path, page.get(path));
    }

    record HostedPage(PageClient browser, String path, PageClient.Response shown) {

        PageClient.Response pay(String card) {
            return browser.post(path, Map.of("cardNumber", card, "expiry", "12/39", "cvc", "123"));
        }

        String sessionId() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** Opens the page and pays with a card; returns the page's answer to the form. */
    PageClient.Response pay(Checkout checkout, String card) {
        return open(checkout).pay(card);
    }

    Payment awaitStatus(PaymentId id, PaymentStatus status) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> payments.get(id), payment -> payment.status() == status);
    }

    /** A test-gateway event as the gateway would send it. */
    static String event(String id, String type, Map<String, Object> data) {
        var event = new LinkedHashMap<String, Object>();
        event.put("id", id);
        event.put("object", "event");
        event.put("type", type);
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", data);
        return JSON.writeValueAsString(event);
    }

    static Map<String, Object> data(String session, String payment, PaymentId client, long amount) {
        var data = new LinkedHashMap<String, Object>();
        data.put("session", session);
        data.put("payment", payment);
        data.put("client_reference", client == null ? null : client.toString());
        data.put("amount", amount);
        data.put("currency", "EUR");
        return data;
    }

    /** Posts a webhook signed with the test gateway's secret at {@code at}. */
    Api.Response post(Api api, String payload, Instant at) {
        return postSigned(api, payload, WebhookSignature.header(secret, at, payload.getBytes(StandardCharsets.UTF_8)));
    }

    static Api.Response postSigned(Api api, String payload, String signature) {
        var signed = signature == null ? api : api.with("Usher-Signature", signature);
        return signed.postRaw("/api/v1/payments/webhooks/test", payload, "application/json");
    }
}
