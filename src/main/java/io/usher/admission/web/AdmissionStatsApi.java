package io.usher.admission.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.admission.internal.AdmissionStats;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;

@RestController
@Tag(name = "Check-in", description = "Admit ticket holders at the door, online or from offline devices")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class AdmissionStatsApi {

    private final AdmissionStats stats;

    AdmissionStatsApi(AdmissionStats stats) {
        this.stats = stats;
    }

    record StatsView(UUID eventId, String currency, long ticketsSold, long revenueMinor, long checkedIn,
            long validTickets, double checkedInPercent, long refusedScans, List<AdmissionStats.TypeStats> ticketTypes,
            List<AdmissionStats.Scan> recentScans, Instant at) {
    }

    @GetMapping("/api/v1/events/{id}/admission-stats")
    @Operation(summary = "An event's sales and check-in for its organizers: tickets sold, revenue in minor units, "
            + "checked in, per ticket type, and the latest scans (refusals with their codes)")
    @ApiProblem(status = 404, codes = "admission.event_not_found", description = "No such event, or not the "
            + "caller's organization's")
    StatsView stats(@PathVariable UUID id) {
        var s = stats.of(CurrentUser.require(), new EventId(id));
        return new StatsView(s.event().id().value(), s.currency(), s.ticketsSold(), s.revenueMinor(), s.checkedIn(),
                s.validTickets(), Math.round(s.checkedInPercent() * 10) / 10.0, s.refusedScans(), s.ticketTypes(),
                s.recentScans(), s.at());
    }
}
