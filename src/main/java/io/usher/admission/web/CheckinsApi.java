package io.usher.admission.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.admission.internal.CheckIns;
import io.usher.admission.internal.Ticket;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Check-in", description = "Admit ticket holders at the door, online or from offline devices")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 403, codes = "admission.not_door_staff")
@ApiProblem(status = 404, codes = "admission.event_not_found")
class CheckinsApi {

    private final CheckIns checkIns;

    CheckinsApi(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    record CheckinBody(@NotNull UUID eventId, @Size(max = 20) String code, @Size(max = 200) String qrToken,
            @NotBlank @Size(max = 50) String gate, @Size(max = 100) String device) {
    }

    record AdmittedView(String result, UUID ticketId, String code, String holderName, String ticketType, String seat,
            Instant checkedInAt, String gate) {

        static AdmittedView of(Ticket t) {
            return new AdmittedView("ADMITTED", t.id().value(), t.displayCode(), t.holderName(), t.ticketTypeName(),
                    t.seatLabel(), t.checkedInAt(), t.checkedInGate());
        }
    }

    @PostMapping("/api/v1/checkins")
    @Operation(summary = "Admit a ticket by its code or its QR token; a ticket is admitted once, at the first gate")
    @ApiProblem(status = 400, codes = {"request.validation_failed", "admission.malformed_ticket"})
    @ApiProblem(status = 404, codes = "admission.ticket_not_found")
    @ApiProblem(status = 409, codes = {"admission.already_checked_in", "admission.ticket_voided",
            "admission.ticket_reissued"}, description = "Already admitted (with checkedInAt and gate), void, or an "
                    + "old version of a re-issued ticket.")
    @ApiProblem(status = 422, codes = {"admission.wrong_event", "admission.invalid_signature"})
    AdmittedView checkIn(@Valid @RequestBody CheckinBody body) {
        var ticket = checkIns.checkIn(CurrentUser.require(), new EventId(body.eventId()),
                new CheckIns.Scanned(body.code(), body.qrToken()), body.gate(), body.device());
        return AdmittedView.of(ticket);
    }

    @GetMapping("/api/v1/events/{id}/checkin-manifest")
    @Operation(summary = "What a door device needs offline: the event's Ed25519 public key, the token format, "
            + "the valid tickets with their current versions, and the voided ones")
    CheckIns.Manifest manifest(@PathVariable UUID id) {
        return checkIns.manifest(CurrentUser.require(), new EventId(id));
    }

    record OfflineBody(@NotBlank @Size(max = 100) String device,
            @NotNull @Size(min = 1, max = 5000) List<@Valid @NotNull OfflineScanBody> scans) {
    }

    record OfflineScanBody(@Size(max = 20) String code, @Size(max = 200) String qrToken,
            @NotBlank @Size(max = 50) String gate, @NotNull Instant scannedAt) {
    }

    record OfflineView(int admitted, int conflicts, int refused, List<CheckIns.OfflineResult> results) {
    }

    @PostMapping("/api/v1/events/{id}/checkins/offline")
    @Operation(summary = "Upload scans a device made offline; each gets ADMITTED, CONFLICT (admitted before, "
            + "with when and where) or REFUSED (with the online refusal's code)")
    @ApiProblem(status = 400, codes = "request.validation_failed")
    OfflineView upload(@PathVariable UUID id, @Valid @RequestBody OfflineBody body) {
        var results = checkIns.upload(CurrentUser.require(), new EventId(id), body.device(), body.scans().stream()
                .map(s -> new CheckIns.OfflineScan(new CheckIns.Scanned(s.code(), s.qrToken()), s.gate(),
                        s.scannedAt()))
                .toList());
        return new OfflineView(count(results, "ADMITTED"), count(results, "CONFLICT"), count(results, "REFUSED"),
                results);
    }

    private static int count(List<CheckIns.OfflineResult> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }
}
