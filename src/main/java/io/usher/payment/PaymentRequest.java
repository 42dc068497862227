package io.usher.payment;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import io.usher.common.Money;
import io.usher.identity.UserId;

/**
 * What a checkout is for.
 *
 * @param reference the caller's own reference, e.g. an order id; the payment module does not interpret it
 * @param clientIp the buyer's address as the web layer saw it, for the per-address fraud rule; may be null
 * @param description shown to the buyer on the gateway's payment page
 * @param returnUrl where the gateway sends the buyer after paying; it only shows the status, it confirms nothing
 * @param cancelUrl where the gateway sends a buyer who gives up
 * @param idempotencyKey the same key with the same request answers with the same checkout
 */
public record PaymentRequest(String reference, Money amount, String buyerEmail, UserId buyer, String clientIp,
        String description, URI returnUrl, URI cancelUrl, String idempotencyKey) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    public PaymentRequest {
        require(reference != null && !reference.isBlank() && reference.length() <= 100,
                "reference: 1 to 100 characters");
        require(amount != null && amount.minor() > 0, "amount: more than zero");
        require(buyerEmail != null && buyerEmail.length() <= 254 && EMAIL.matcher(buyerEmail).matches(),
                "buyerEmail: an e-mail address");
        require(buyer != null, "buyer: required");
        require(clientIp == null || (clientIp.length() <= 45 && !clientIp.isBlank()), "clientIp: an address");
        require(description != null && !description.isBlank() && description.length() <= 200,
                "description: 1 to 200 characters");
        require(web(returnUrl), "returnUrl: an absolute http(s) URL");
        require(web(cancelUrl), "cancelUrl: an absolute http(s) URL");
        require(idempotencyKey != null && KEY.matcher(idempotencyKey).matches(),
                "idempotencyKey: 1 to 200 printable characters");
    }

    private static boolean web(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            return false;
        }
        var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new InvalidPaymentRequest(problem);
        }
    }
}
