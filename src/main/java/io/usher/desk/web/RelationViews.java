package io.usher.desk.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.usher.desk.internal.TicketRelations;
import io.usher.order.Orders;

/** How a ticket's order, watchers, tags and links appear in the API. */
record RelationViews(UUID orderId, OrderView order, List<WatcherView> watchers, List<String> tags,
        List<LinkView> links) {

    static RelationViews of(TicketRelations.Relations relations) {
        if (relations == null) {
            return new RelationViews(null, null, List.of(), List.of(), List.of());
        }
        return new RelationViews(relations.orderId(), OrderView.of(relations.order()),
                relations.watchers().stream().map(WatcherView::of).toList(), relations.tags(),
                relations.links().stream().map(LinkView::of).toList());
    }

    /** The order's summary; amounts in minor units of {@code currency}. */
    record OrderView(UUID id, UUID eventId, String eventTitle, String status, long totalMinor, String currency,
            int lines, Instant createdAt) {

        static OrderView of(Orders.OrderSummary summary) {
            return summary == null ? null : new OrderView(summary.id().value(), summary.event().value(),
                    summary.eventTitle(), summary.status().name(), summary.totalMinor(), summary.currency(),
                    summary.lines(), summary.createdAt());
        }
    }

    record WatcherView(UUID userId, String email, String displayName, UUID addedBy, Instant addedAt) {

        static WatcherView of(TicketRelations.Watcher watcher) {
            return new WatcherView(watcher.userId(), watcher.email(), watcher.displayName(), watcher.addedBy(),
                    watcher.addedAt());
        }
    }

    /** A link from this ticket's side: {@code type} one of DUPLICATE_OF, HAS_DUPLICATE, BLOCKS, BLOCKED_BY, RELATED. */
    record LinkView(String type, UUID ticketId, String number, String subject, String status) {

        static LinkView of(TicketRelations.Link link) {
            return new LinkView(link.type().name(), link.ticketId(), link.number(), link.subject(), link.status());
        }
    }
}
