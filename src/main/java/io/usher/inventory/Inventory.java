package io.usher.inventory;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.usher.common.EventId;
import io.usher.identity.UserId;
import io.usher.inventory.internal.HoldService;
import io.usher.inventory.internal.Provisioning;

/**
 * The inventory module's API. Catalog defines what is for sale; buyers hold; the order module confirms.
 */
@Service
public class Inventory {

    private final Provisioning provisioning;
    private final HoldService holds;

    Inventory(Provisioning provisioning, HoldService holds) {
        this.provisioning = provisioning;
        this.holds = holds;
    }

    /**
     * Sets whether and how an event sells. Must run inside the caller's transaction (catalog's), so the event
     * and its sale rules change together. Takes effect for new holds within a second.
     */
    public void defineSaleRules(SaleRules rules) {
        provisioning.defineSaleRules(rules);
        forgetAfterCommit(rules.event());
    }

    /**
     * Creates or changes a ticket type's stock, in the caller's transaction. Define the event's sale rules
     * first.
     *
     * @throws CapacityBelowCommitted shrinking below what is held and sold, or dropping a held or sold seat
     */
    public void defineStock(StockDefinition definition) {
        provisioning.defineStock(definition);
        forgetAfterCommit(definition.event());
    }

    /**
     * Removes a ticket type's stock, in the caller's transaction; only while nothing of it was ever held.
     *
     * @throws CapacityBelowCommitted the ticket type has holds or sales
     */
    public void removeStock(io.usher.common.TicketTypeId ticketType, EventId event) {
        provisioning.removeStock(ticketType.value());
        forgetAfterCommit(event);
    }

    /**
     * Holds tickets for a buyer until the event's hold duration has passed.
     *
     * @throws EventNotOnSale unknown or unpublished event
     * @throws NotEnough not enough left ({@code inventory.sold_out} / {@code inventory.not_enough})
     * @throws SeatTaken a chosen seat is held or sold
     * @throws OutsideSaleWindow the ticket type is not on sale now
     * @throws BuyerLimitReached more than the event allows one buyer
     * @throws IdempotencyKeyReused the key came with a different request before
     */
    public Hold hold(HoldRequest request) {
        return holds.place(request);
    }

    /** A hold, if it is the buyer's. */
    public Optional<Hold> find(HoldId id, UserId buyer) {
        return holds.find(id, buyer);
    }

    /**
     * Gives an active hold's tickets back.
     *
     * @throws HoldNotFound not the buyer's hold
     * @throws HoldNotActive already expired, released or confirmed
     */
    public void release(HoldId id, UserId buyer) {
        holds.release(id, buyer);
    }

    /**
     * Turns an active, unexpired hold into sold inventory (the order module calls this once paid).
     *
     * @throws HoldNotActive expired, released or already confirmed
     */
    public Hold confirm(HoldId id) {
        return holds.confirm(id);
    }

    /**
     * Gives the sold tickets of a confirmed hold back to stock (its order was cancelled): general-admission counts
     * and seats become available again. Idempotent: only the first call returns them. Joins the caller's
     * transaction when there is one, so an order's cancellation and the return commit together.
     *
     * @return true when this call returned them, false when they were returned before
     * @throws HoldNotFound no such hold
     * @throws HoldNotActive the hold was never confirmed (active, released or expired)
     */
    public boolean returnTickets(HoldId id) {
        return holds.returnSold(id);
    }

    /** What is left of an event; at most a second stale. */
    public Availability availability(EventId event) {
        return holds.availability(event);
    }

    /** Events on sale with at least one ticket left; at most a second stale. */
    public Set<EventId> eventsWithStockLeft() {
        return holds.eventsWithStockLeft();
    }

    private void forgetAfterCommit(EventId event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    holds.forget(event);
                }
            });
        } else {
            holds.forget(event);
        }
    }
}
