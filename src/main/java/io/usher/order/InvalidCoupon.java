package io.usher.order;

import io.usher.common.UsherException;

/** 400: a coupon definition that does not make sense (a percent coupon with an amount …). */
public class InvalidCoupon extends UsherException {

    public InvalidCoupon(String detail) {
        super(400, "order.invalid_coupon", detail);
    }
}
