/**
 * Admission: the tickets a paid order issues, their signed QR codes, and check-in at the door.
 *
 * <p>Tickets are issued from {@link io.usher.order.OrderPaid} and voided when their order is refunded in full or
 * cancelled. Each carries a human-friendly code for manual entry and a compact token signed with the event's
 * Ed25519 key, which a door device verifies offline with the public key from the check-in manifest. A ticket is
 * admitted exactly once, whichever gate scans it first.
 *
 * <p>API: the id {@link io.usher.admission.TicketId}, the event {@link io.usher.admission.TicketsIssued}, and
 * {@link io.usher.admission.TicketDocuments} (an order's tickets as lines and as a PDF, for the confirmation mail).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admission")
package io.usher.admission;
