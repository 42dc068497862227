package io.usher.desk.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.desk.internal.RatingDetails;
import io.usher.desk.internal.Ratings;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;

@RestController
@RequestMapping("/api/v1/desk/tickets")
@Tag(name = "Desk: satisfaction", description = "Requesters rate resolved tickets")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class RatingsApi {

    private final Ratings ratings;

    RatingsApi(Ratings ratings) {
        this.ratings = ratings;
    }

    record Rating(Integer score, String comment) {
    }

    record RatingView(UUID ticketId, int score, String comment, Instant resolvedAt, Instant ratedAt) {

        static RatingView of(RatingDetails r) {
            return new RatingView(r.ticketId(), r.score(), r.comment(), r.resolvedAt(), r.ratedAt());
        }
    }

    @PostMapping("/{id}/rating")
    @Operation(summary = "Rate a resolved ticket {score (1–5), comment?}: the requester, once per resolution")
    @ApiProblem(status = 400, codes = "desk.invalid_rating")
    @ApiProblem(status = 403, codes = "desk.only_requester_rates")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    @ApiProblem(status = 409, codes = {"desk.not_resolved", "desk.already_rated"})
    ResponseEntity<RatingView> rate(@PathVariable UUID id, @RequestBody Rating body) {
        var rated = ratings.rate(CurrentUser.require(), id, body == null ? null : body.score(),
                body == null ? null : body.comment());
        return ResponseEntity.created(URI.create("/api/v1/desk/tickets/" + id + "/rating")).body(RatingView.of(rated));
    }
}
