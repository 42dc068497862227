package io.usher.order;

import java.util.Map;

import io.usher.common.UsherException;

/** 422: the coupon code cannot be used for this order; {@code reason} says why. */
public class CouponInvalid extends UsherException {

    private final String reason;

    public CouponInvalid(String reason, String detail) {
        super(422, "order.coupon_invalid", detail);
        this.reason = reason;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("reason", reason);
    }
}
