package io.usher.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.usher.catalog.CatalogFixtures;
import io.usher.support.Api;
import io.usher.support.PageClient;
import io.usher.support.Users;

/** Events on sale, holds, orders and payments through the test gateway's hosted page, over HTTP. */
public final class OrderFixtures {

    public static final String PAYS = "4242 4242 4242 4242";
    public static final String DECLINED = "4000 0000 0000 0002";

    public final CatalogFixtures catalog;
    private final Api api;
    private final String base;

    public OrderFixtures(Api api, Users users, String base) {
        this.api = api;
        this.catalog = new CatalogFixtures(api, users);
        this.base = base;
    }

    /** A published event with "General admission" for {@code capacity} at {@code priceMinor} EUR. */
    public CatalogFixtures.Sale sale(CatalogFixtures.Organizer organizer, int capacity, long priceMinor, Object... changes) {
        return catalog.published(organizer, CatalogFixtures.event(organizer, "Night " + UUID.randomUUID(), changes),
                capacity, priceMinor);
    }

    public String hold(String buyer, String event, String ticketType, int quantity) {
        var hold = catalog.hold(buyer, event, ticketType, quantity);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        return hold.get("holdId");
    }

    public Api.Response order(String buyer, String hold, Object... extra) {
        var body = CatalogFixtures.body("holdId", hold, "buyer", Map.of("name", "Ann Buyer", "email", "ann@example.test"));
        body.putAll(CatalogFixtures.body(extra));
        return api.as(buyer).with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders", body);
    }

    public String placed(String buyer, String hold, Object... extra) {
        var order = order(buyer, hold, extra);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        return order.get("id");
    }

    public Api.Response coupon(CatalogFixtures.Organizer organizer, String event, Object... definition) {
        return api.as(organizer.token()).post("/api/v1/events/" + event + "/coupons", CatalogFixtures.body(definition));
    }

    public Api.Response checkout(String buyer, String order) {
        return api.as(buyer).post("/api/v1/orders/" + order + "/checkout", Map.of());
    }

    /** Pays on the hosted test page with this card, as a buyer's browser would. */
    public void pay(String buyer, String order, String card) {
        var checkout = checkout(buyer, order);
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(200);
        var page = new PageClient(base);
        var path = URI.create(checkout.get("redirectUrl")).getPath();
        assertThat(page.get(path).status()).isEqualTo(200);
        assertThat(page.post(path, Map.of("cardNumber", card, "expiry", "12/39", "cvc", "123")).status())
                .isEqualTo(card.equals(PAYS) ? 303 : 402);
    }

    public Api.Response awaitStatus(String buyer, String order, String status) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.as(buyer).get("/api/v1/orders/" + order), o -> status.equals(o.get("status")));
    }

    public int uses(CatalogFixtures.Organizer organizer, String event, String code) {
        var coupons = api.as(organizer.token()).get("/api/v1/events/" + event + "/coupons").json();
        return coupons.valueStream().filter(c -> c.get("code").asString().equals(code)).findFirst().orElseThrow()
                .get("uses").asInt();
    }

    /** A paid order of {@code quantity} tickets of the sale's type for this buyer; returns the order id. */
    public String paid(String buyer, CatalogFixtures.Sale sale, int quantity, Object... extra) {
        var order = placed(buyer, hold(buyer, sale.eventId(), sale.ticketTypeId(), quantity), extra);
        pay(buyer, order, PAYS);
        awaitStatus(buyer, order, "PAID");
        return order;
    }

    public static List<String> holders(Api.Response order) {
        return order.json().get("lines").valueStream().map(l -> l.get("holderName").asString()).toList();
    }
}
