/**
 * The reservation engine: stock per ticket type, seats, holds that expire, and the conversion of a hold
 * into sold inventory. Catalog tells it what exists and when it sells ({@link io.usher.inventory.Inventory#defineStock},
 * {@link io.usher.inventory.Inventory#defineSaleRules}); buyers hold through its API; the order module
 * confirms holds. The database enforces that nothing is sold beyond capacity and no seat twice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package io.usher.inventory;
