package io.usher.notification.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.identity.CurrentUser;
import io.usher.notification.internal.InAppNotification;
import io.usher.notification.internal.Inbox;
import io.usher.platform.web.ApiProblem;

@RestController
@RequestMapping("/api/v1/me/notifications")
@Tag(name = "My notifications", description = "The signed-in user's in-app inbox")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class MyNotificationsApi {

    private final Inbox inbox;

    MyNotificationsApi(Inbox inbox) {
        this.inbox = inbox;
    }

    record NotificationView(UUID id, String kind, String title, String body, String link, Instant createdAt,
            Instant readAt) {

        static NotificationView of(InAppNotification n) {
            return new NotificationView(n.id(), n.kind(), n.title(), n.body(), n.link(), n.createdAt(), n.readAt());
        }
    }

    record InboxView(int unread, List<NotificationView> items) {
    }

    record Marked(int marked) {
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first (at most 100), and how many are unread")
    InboxView list(@RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "50") int limit) {
        var page = inbox.of(CurrentUser.require().id(), unreadOnly, limit);
        return new InboxView(page.unread(), page.items().stream().map(NotificationView::of).toList());
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    @ApiProblem(status = 404, codes = "notification.not_found")
    ResponseEntity<Void> markRead(@PathVariable UUID id) {
        inbox.markRead(CurrentUser.require().id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all my notifications read")
    Marked markAllRead() {
        return new Marked(inbox.markAllRead(CurrentUser.require().id()));
    }
}
