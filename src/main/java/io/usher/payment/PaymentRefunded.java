package io.usher.payment;

import java.time.Instant;

import io.usher.common.Money;

/**
 * Money went back to the buyer: {@code amount} now, {@code totalRefunded} so far. Published once per refund,
 * whether Usher asked for it or the gateway reported one made elsewhere (its dashboard).
 *
 * @param gatewayReference the gateway's refund id
 */
public record PaymentRefunded(PaymentId payment, String reference, Money amount, Money totalRefunded,
        String gatewayReference, Instant at) {
}
