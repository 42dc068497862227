package io.usher.payment.internal;

import io.usher.common.Money;

/**
 * A verified webhook event, in the terms the payment module acts on. Each carries what the gateway tells about
 * which payment it concerns: Usher's own payment id when the gateway echoes it (metadata), the checkout
 * session, and/or the captured payment's reference.
 */
public sealed interface GatewayEvent {

    String id();

    String type();

    Refs refs();

    /** How an event points at a payment; any part may be null. */
    record Refs(String paymentId, String sessionReference, String paymentReference) {
    }

    /** The money was taken. */
    record Captured(String id, String type, Refs refs, Money amount) implements GatewayEvent {
    }

    /**
     * A charge did not go through.
     *
     * @param declined a card was declined (counts towards the buyer's decline block)
     * @param terminal the checkout is over; when false the buyer may still try another card
     */
    record Failed(String id, String type, Refs refs, String reason, boolean declined, boolean terminal)
            implements GatewayEvent {
    }

    /**
     * Money went back.
     *
     * @param refundId Usher's refund id when Usher asked for it (the gateway echoes it), else null
     */
    record Refunded(String id, String type, Refs refs, String refundReference, Money amount, String refundId)
            implements GatewayEvent {
    }

    /** An event the payment module has no use for. */
    record Other(String id, String type, Refs refs) implements GatewayEvent {
    }
}
