package io.usher.desk.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.desk.DeskNotFound;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.TicketActionRefused;
import io.usher.desk.TicketLinkType;
import io.usher.desk.TicketRelationRefused;
import io.usher.identity.CurrentUser;
import io.usher.identity.UserDirectory;
import io.usher.identity.UserId;
import io.usher.order.Orders;

/**
 * What a ticket relates to besides its conversation: the order it is about, its watchers, tags and links to other
 * tickets. Anyone who sees a ticket sees its order (requesters their own) and watchers (requesters without their
 * e-mail addresses), and may watch or unwatch it themselves; agents of its queue also add and remove others (only people who may see the ticket), tag it and link
 * it. Tags and links are the agents' own: requesters never see them. Every change is in {@code desk_ticket_changes}.
 */
@Service
public class TicketRelations {

    static final String INVALID_TAGS = "desk.invalid_tags";
    static final String INVALID_LINK = "desk.invalid_link";
    /** At most this many tags per ticket. */
    public static final int MAX_TAGS = 20;
    private static final int MAX_TAG = 50;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final TicketAccess access;
    private final RelationStore store;
    private final TicketStore tickets;
    private final TicketOrders orders;
    private final UserDirectory people;
    private final Clock clock;

    TicketRelations(TicketAccess access, RelationStore store, TicketStore tickets, TicketOrders orders,
            UserDirectory people, Clock clock) {
        this.access = access;
        this.store = store;
        this.tickets = tickets;
        this.orders = orders;
        this.people = people;
        this.clock = clock;
    }

    /** A watcher as shown: who, and who added them when. */
    public record Watcher(UUID userId, String email, String displayName, UUID addedBy, Instant addedAt) {
    }

    /** A link as the ticket shows it: the other ticket, and the link from this one's side. */
    public record Link(TicketLinkType type, UUID ticketId, String number, String subject, String status) {
    }

    /**
     * A ticket's relations as the caller may see them.
     *
     * @param order {@code null} without an order (or, for a requester, if it is somehow not theirs)
     * @param tags empty for requesters
     * @param links empty for requesters
     */
    public record Relations(UUID orderId, Orders.OrderSummary order, List<Watcher> watchers, List<String> tags,
            List<Link> links) {
    }

    @Transactional(readOnly = true)
    public Relations of(CurrentUser caller, UUID ticketId) {
        var seen = access.read(caller, ticketId);
        return relations(seen);
    }

    /**
     * Adds a watcher: the caller themselves (no {@code user}), or — for agents of the queue — someone else who may
     * see the ticket: its requester or an agent or manager of its queue.
     */
    @Transactional
    public Relations watch(CurrentUser caller, UUID ticketId, UUID user) {
        var seen = access.lock(caller, ticketId);
        var watcher = user == null ? caller.id().value() : user;
        if (!watcher.equals(caller.id().value())) {
            requireAgent(seen, "Only the agents of the ticket's queue add other watchers.");
            if (!maySee(seen, watcher)) {
                throw new TicketRelationRefused("desk.watcher_cannot_see_ticket",
                        "Only people who may see the ticket watch it: its requester and its queue's agents and managers.");
            }
        }
        var now = now();
        if (store.watch(ticketId, watcher, caller.id().value(), now)) {
            tickets.recordChange(ticketId, caller.id().value(), now, "watcher", null, watcher.toString());
        }
        return relations(seen);
    }

    /** Removes a watcher: anyone themselves, agents of the queue anyone. */
    @Transactional
    public Relations unwatch(CurrentUser caller, UUID ticketId, UUID user) {
        var seen = access.lock(caller, ticketId);
        var watcher = user == null ? caller.id().value() : user;
        if (!watcher.equals(caller.id().value())) {
            requireAgent(seen, "Only the agents of the ticket's queue remove other watchers.");
        }
        if (store.unwatch(ticketId, watcher)) {
            tickets.recordChange(ticketId, caller.id().value(), now(), "watcher", watcher.toString(), null);
        }
        return relations(seen);
    }

    /**
     * Replaces the ticket's tags (agents of the queue). Tags are trimmed, lower-cased, inner spaces made single;
     * each added or removed tag is recorded.
     */
    @Transactional
    public Relations tag(CurrentUser caller, UUID ticketId, List<String> given) {
        var seen = access.lock(caller, ticketId);
        requireAgent(seen, "Only the agents of the ticket's queue tag it.");
        var wanted = normalize(given);
        if (wanted.size() > MAX_TAGS) {
            throw new TicketRelationRefused("desk.too_many_tags", "A ticket has at most " + MAX_TAGS + " tags.");
        }
        var current = new TreeSet<>(store.tags(ticketId));
        var now = now();
        var actor = caller.id().value();
        for (var tag : current) {
            if (!wanted.contains(tag)) {
                store.untag(ticketId, tag);
                tickets.recordChange(ticketId, actor, now, "tag", tag, null);
            }
        }
        for (var tag : wanted) {
            if (!current.contains(tag)) {
                store.tag(ticketId, tag);
                tickets.recordChange(ticketId, actor, now, "tag", null, tag);
            }
        }
        return relations(seen);
    }

    /**
     * Links the ticket to another (agents of both tickets' queues); the other ticket shows the inverse. Linking what
     * is linked already changes nothing.
     */
    @Transactional
    public Relations link(CurrentUser caller, UUID ticketId, String typeName, UUID otherId) {
        var type = linkType(typeName, otherId, false);
        var pair = lockBoth(caller, ticketId, otherId, "Only the agents of both tickets' queues link them.");
        if (store.link(ticketId, type, otherId, caller.id().value(), now())) {
            recordLink(caller, pair, type, true);
        }
        return relations(pair.first());
    }

    @Transactional
    public Relations unlink(CurrentUser caller, UUID ticketId, String typeName, UUID otherId) {
        var type = linkType(typeName, otherId, true);
        var pair = lockBoth(caller, ticketId, otherId, "Only the agents of both tickets' queues unlink them.");
        if (store.unlink(ticketId, type, otherId)) {
            recordLink(caller, pair, type, false);
        }
        return relations(pair.first());
    }

    /** Both tickets, seen and worked by the caller; rows locked in id order, so two linkers cannot deadlock. */
    record Pair(TicketAccess.Seen first, TicketAccess.Seen second) {
    }

    Pair lockBoth(CurrentUser caller, UUID ticketId, UUID otherId, String refusal) {
        if (ticketId.equals(otherId)) {
            access.read(caller, ticketId);
            throw new TicketRelationRefused("desk.self_link", "A ticket is not linked to (or merged into) itself.");
        }
        TicketAccess.Seen first;
        TicketAccess.Seen second;
        if (ticketId.toString().compareTo(otherId.toString()) < 0) {
            first = access.lock(caller, ticketId);
            second = access.lock(caller, otherId);
        } else {
            second = access.lock(caller, otherId);
            first = access.lock(caller, ticketId);
        }
        requireAgent(first, refusal);
        if (!second.agent()) {
            // the other ticket is the requester's own, not one they work: as good as unseen for agent actions
            throw new DeskNotFound("ticket");
        }
        return new Pair(first, second);
    }

    void recordLink(CurrentUser caller, Pair pair, TicketLinkType type, boolean added) {
        var now = now();
        var actor = caller.id().value();
        var mine = type.name() + " " + pair.second().ticket().number();
        var theirs = type.inverse().name() + " " + pair.first().ticket().number();
        tickets.recordChange(pair.first().ticket().id(), actor, now, "link", added ? null : mine, added ? mine : null);
        tickets.recordChange(pair.second().ticket().id(), actor, now, "link", added ? null : theirs,
                added ? theirs : null);
    }

    Relations relations(TicketAccess.Seen seen) {
        var ticket = seen.ticket();
        var watchers = store.watchers(ticket.id());
        var profiles = people.findAll(watchers.stream().map(w -> new UserId(w.userId())).toList());
        var shown = new ArrayList<Watcher>();
        for (var watcher : watchers) {
            var profile = profiles.stream().filter(p -> p.id().value().equals(watcher.userId())).findFirst();
            // staff addresses are for staff; a requester sees who watches by name
            shown.add(new Watcher(watcher.userId(),
                    seen.agent() ? profile.map(UserDirectory.Profile::email).orElse(null) : null,
                    profile.map(UserDirectory.Profile::displayName).orElse(null), watcher.addedBy(),
                    watcher.addedAt()));
        }
        var tags = seen.agent() ? store.tags(ticket.id()) : List.<String>of();
        var links = seen.agent() ? store.links(ticket.id()).stream()
                .map(l -> new Link(l.type(), l.ticketId(), l.number(), l.subject(), l.status())).toList()
                : List.<Link>of();
        return new Relations(store.orderOf(ticket.id()), orders.summary(ticket, seen.agent()), shown, tags, links);
    }

    static List<String> normalize(List<String> given) {
        var problems = new FieldProblems(INVALID_TAGS);
        if (given == null) {
            problems.add("tags", "must not be null");
            problems.throwIfAny();
        }
        var tags = new TreeSet<String>();
        for (int i = 0; i < given.size(); i++) {
            var raw = given.get(i);
            if (raw == null || raw.isBlank()) {
                problems.add("tags[" + i + "]", "must not be blank");
                continue;
            }
            var tag = SPACES.matcher(raw.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
            if (tag.length() > MAX_TAG) {
                problems.add("tags[" + i + "]", "must be at most " + MAX_TAG + " characters");
                continue;
            }
            tags.add(tag);
        }
        problems.throwIfAny();
        return List.copyOf(tags);
    }

    static boolean maySee(TicketAccess.Seen seen, UUID user) {
        return seen.ticket().requesterId().equals(user) || seen.queue().isAgent(user) || seen.queue().isManager(user);
    }

    private static void requireAgent(TicketAccess.Seen seen, String detail) {
        if (!seen.agent()) {
            throw new TicketActionRefused("desk.not_an_agent_of_the_queue", detail);
        }
    }

    /** @param shown whether {@code HAS_DUPLICATE} (a link seen from the other side) is acceptable, as in removal */
    private static TicketLinkType linkType(String name, UUID other, boolean shown) {
        var problems = new FieldProblems(INVALID_LINK);
        TicketLinkType type = null;
        try {
            type = name == null ? null : TicketLinkType.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (type == null || type == TicketLinkType.HAS_DUPLICATE && !shown) {
            problems.add("type", "must be one of DUPLICATE_OF, BLOCKS, BLOCKED_BY, RELATED"
                    + (shown ? ", HAS_DUPLICATE" : ""));
        }
        if (other == null) {
            problems.add("ticketId", "must not be null");
        }
        problems.throwIfAny();
        return type;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
