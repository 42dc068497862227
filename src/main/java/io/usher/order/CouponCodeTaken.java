package io.usher.order;

import io.usher.common.UsherException;

/** 409: the event already has a coupon with this code (codes are case-insensitive). */
public class CouponCodeTaken extends UsherException {

    public CouponCodeTaken() {
        super(409, "order.coupon_code_taken", "This event already has a coupon with this code.");
    }
}
