package io.usher.admission.web;

/** What door staff and organizers read for each refusal code of a scan. */
final class Refusals {

    private Refusals() {
    }

    static String headline(String code) {
        return switch (code) {
            case "admission.already_checked_in" -> "Already checked in";
            case "admission.ticket_voided" -> "Ticket void";
            case "admission.ticket_reissued" -> "Old ticket version";
            case "admission.wrong_event" -> "Wrong event";
            case "admission.invalid_signature" -> "Forged or damaged code";
            case "admission.ticket_not_found" -> "No such ticket";
            case "admission.malformed_ticket" -> "Not a ticket code";
            default -> "Not admitted";
        };
    }
}
