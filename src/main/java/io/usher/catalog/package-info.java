/**
 * The catalog: what is for sale. Venues with their seating plans, events (drafts until published) and their
 * ticket types, owned by organizer organizations. Every change that affects selling is passed to
 * {@link io.usher.inventory.Inventory} in the same transaction, so catalog and stock never disagree.
 * Other modules read events through {@link io.usher.catalog.Catalog} and react to
 * {@link io.usher.catalog.EventPublished}, {@link io.usher.catalog.EventPostponed} and
 * {@link io.usher.catalog.EventCancelled}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package io.usher.catalog;
