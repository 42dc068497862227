/**
 * Orders and coupons: a buyer's hold becomes an order with priced lines, a coupon may discount it, checkout goes
 * through the payment module, and the order is paid only when {@link io.usher.payment.PaymentSucceeded} arrives.
 *
 * <p>API: events {@link io.usher.order.OrderPaid} and {@link io.usher.order.OrderRefunded} (admission issues and
 * voids tickets from them), the id {@link io.usher.order.OrderId}, {@link io.usher.order.OrderStatus}, and
 * {@link io.usher.order.Sales}, an event's tickets sold and revenue for dashboards, and {@link io.usher.order.Orders}
 * (paid orders of an event; an order's summary, which the desk shows on a support ticket).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Order")
package io.usher.order;
