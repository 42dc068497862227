package io.usher.admission.internal;

import java.time.Instant;
import java.util.UUID;

import io.usher.admission.TicketId;
import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.identity.UserId;
import io.usher.order.OrderId;

/**
 * A ticket as stored.
 *
 * @param seat {@code null} for general admission
 * @param checkedInAt {@code null} until admitted
 */
public record Ticket(TicketId id, String code, EventId event, OrderId order, int position, UserId buyer,
        String buyerName, String buyerEmail, TicketTypeId ticketType, String ticketTypeName, SeatId seat,
        String seatLabel, String holderName, int version, Status status, String voidReason, Instant checkedInAt,
        String checkedInGate, UUID checkedInBy, Instant issuedAt) {

    public enum Status {
        VALID, VOIDED
    }

    /** The code as door staff read it: {@code 7KQ4-M9XP-T2}. */
    public String displayCode() {
        return TicketCodes.format(code);
    }

    public boolean checkedIn() {
        return checkedInAt != null;
    }

    TicketToken token() {
        return new TicketToken(event.value(), id.value(), version);
    }
}
