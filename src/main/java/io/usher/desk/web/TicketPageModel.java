package io.usher.desk.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.usher.desk.CustomFieldType;
import io.usher.desk.Priority;
import io.usher.desk.SlaClock;
import io.usher.desk.SlaState;
import io.usher.desk.TicketLinkType;
import io.usher.desk.TicketStatus;
import io.usher.desk.internal.Assignments;
import io.usher.desk.internal.Calendars;
import io.usher.desk.internal.Categories;
import io.usher.desk.internal.Conversation;
import io.usher.desk.internal.DeskProperties;
import io.usher.desk.internal.Markdown;
import io.usher.desk.internal.Queue;
import io.usher.desk.internal.Queues;
import io.usher.desk.internal.TicketAttachment;
import io.usher.desk.internal.TicketAttachments;
import io.usher.desk.internal.TicketDetails;
import io.usher.desk.internal.TicketRelations;
import io.usher.desk.internal.Tickets;
import io.usher.desk.internal.TimelineEntry;
import io.usher.identity.CurrentUser;
import io.usher.identity.UserDirectory;
import io.usher.identity.UserId;

/**
 * What the ticket page shows, for its reader: the requester sees the public conversation, the status and what they
 * may do (reopen, rate); agents of the queue see internal notes, every recorded change, the SLA timers with their
 * explanations and the controls. Both get the same route; the template branches on {@code page.agent}.
 */
@Component
class TicketPageModel {

    /** The changes a requester's timeline shows; the rest (assignment, declines …) is the team's business. */
    private static final Set<String> REQUESTER_CHANGES = Set.of("status", "resolution", "rating");
    private static final UUID SYSTEM = new UUID(0, 0);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm zzz", Locale.UK);

    private final Tickets tickets;
    private final Conversation conversation;
    private final Assignments assignments;
    private final TicketAttachments attachments;
    private final Queues queues;
    private final Categories categories;
    private final Calendars calendars;
    private final TicketRelations relations;
    private final UserDirectory people;
    private final DeskProperties properties;
    private final Clock clock;

    TicketPageModel(Tickets tickets, Conversation conversation, Assignments assignments,
            TicketAttachments attachments, Queues queues, Categories categories, Calendars calendars,
            TicketRelations relations, UserDirectory people, DeskProperties properties, Clock clock) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.assignments = assignments;
        this.attachments = attachments;
        this.queues = queues;
        this.categories = categories;
        this.calendars = calendars;
        this.relations = relations;
        this.people = people;
        this.properties = properties;
        this.clock = clock;
    }

    /** The ticket page as its reader sees it. */
    record TicketPage(UUID id, String number, String subject, String descriptionHtml, String status,
            String statusLabel, String priority, String category, String queue, String requester, String assignee,
            String opened, String resolution, List<FieldValue> fields, List<FileView> files, List<Entry> timeline,
            boolean agent, Controls controls, List<Badge> sla, boolean canReopen, boolean canRate, Integer rated,
            Related related) {
    }

    /**
     * Who watches the ticket (everyone sees them, requesters by name only), and for agents its tags and links, as
     * {@link TicketRelations} shows them to the reader.
     *
     * @param tags the tags as the tag form's one field holds them, comma-separated
     */
    record Related(List<Watcher> watchers, boolean watching, List<String> tagList, String tags, List<LinkRow> links,
            List<Option> linkTypes) {
    }

    /** @param email only for agents */
    record Watcher(UUID userId, String name, String email, boolean me) {
    }

    /** A link from this ticket's side, to the other ticket's page. */
    record LinkRow(String type, String label, UUID ticketId, String number, String subject, String status,
            String href) {
    }

    /** What an agent may change, with the choices. */
    record Controls(List<Option> statuses, boolean resolvable, List<Option> priorities, List<Option> agents,
            UUID assigneeId, boolean assignedToMe, boolean accepted, boolean canTakeIt) {
    }

    record Option(String value, String label, boolean selected) {
    }

    record FieldValue(String label, String value) {
    }

    record FileView(String name, String href, String size) {
    }

    /**
     * An SLA timer: {@code state} is {@code running}, {@code warning} (80 % used), {@code breached}, {@code paused}
     * or {@code met}.
     */
    record Badge(String label, String state, String stateLabel, String due, String dueIso, String remaining,
            String explanation) {
    }

    /** A comment (with sanitized HTML) or a change (with its sentence). */
    record Entry(String kind, String at, String atIso, String who, boolean internal, boolean byAgent, String html,
            List<FileView> files, String text, boolean edited) {
    }

    /** Whether the caller works this ticket's queue. */
    boolean agent(CurrentUser caller, TicketDetails details) {
        return Tickets.works(caller, queue(details));
    }

    /** Puts {@code page} into the model (404 if the caller may not see the ticket). */
    TicketPage page(CurrentUser caller, UUID id, Model model) {
        var page = build(caller, tickets.get(caller, id));
        model.addAttribute("page", page);
        return page;
    }

    private Queue queue(TicketDetails details) {
        return queues.get(details.ticket().queueId());
    }

    private TicketPage build(CurrentUser caller, TicketDetails details) {
        var ticket = details.ticket();
        var queue = queue(details);
        boolean agent = Tickets.works(caller, queue);
        var zone = calendars.get(queue.calendarId()).calendar().zone();
        var entries = conversation.timeline(caller, ticket.id());
        var visibleFiles = attachments.list(caller, ticket.id());

        var ids = new HashSet<UUID>();
        ids.add(ticket.requesterId());
        if (ticket.assigneeId() != null) {
            ids.add(ticket.assigneeId());
        }
        if (agent) {
            ids.addAll(queue.agents());
        }
        for (var entry : entries) {
            switch (entry) {
                case TimelineEntry.CommentEntry c -> ids.add(c.details().comment().authorId());
                case TimelineEntry.ChangeEntry c -> {
                    ids.add(c.actorId());
                    if ("assignee".equals(c.field()) || "watcher".equals(c.field())) {
                        uuid(c.oldValue()).ifPresent(ids::add);
                        uuid(c.newValue()).ifPresent(ids::add);
                    }
                }
            }
        }
        var names = new HashMap<UUID, String>();
        people.findAll(ids.stream().filter(u -> !SYSTEM.equals(u)).map(UserId::new).toList())
                .forEach(p -> names.put(p.id().value(), p.displayName()));

        var timeline = new ArrayList<Entry>();
        Integer rated = null;
        for (var entry : entries) {
            switch (entry) {
                case TimelineEntry.CommentEntry c -> {
                    var comment = c.details().comment();
                    timeline.add(new Entry("comment", format(comment.createdAt(), zone), comment.createdAt().toString(),
                            name(names, comment.authorId()), comment.isInternal(), comment.byAgent(),
                            Markdown.toSafeHtml(comment.body()), c.details().attachments().stream()
                                    .map(TicketPageModel::file).toList(), null, comment.editedAt() != null));
                }
                case TimelineEntry.ChangeEntry c -> {
                    if ("rating".equals(c.field()) && ticket.resolvedAt() != null && !c.at().isBefore(ticket.resolvedAt())) {
                        rated = Integer.valueOf(c.newValue());
                    }
                    if (!agent && !REQUESTER_CHANGES.contains(c.field())) {
                        continue;
                    }
                    var text = sentence(c, names);
                    if (text != null) {
                        timeline.add(new Entry("change", format(c.at(), zone), c.at().toString(), null, false, false,
                                null, List.of(), text, false));
                    }
                }
            }
        }

        var now = clock.instant();
        boolean closedOrResolved = ticket.status() == TicketStatus.RESOLVED || ticket.status() == TicketStatus.CLOSED;
        boolean isRequester = ticket.requesterId().equals(caller.id().value());
        boolean canReopen = isRequester && closedOrResolved && ticket.resolvedAt() != null
                && !now.isAfter(ticket.resolvedAt().plus(properties.reopenWindow()));
        boolean canRate = isRequester && closedOrResolved && ticket.resolvedAt() != null && rated == null;

        var fields = new ArrayList<FieldValue>();
        for (var definition : categories.fieldsFor(ticket.categoryId(), ticket.subcategoryId())) {
            var value = ticket.customFields().get(definition.key());
            if (value != null) {
                fields.add(new FieldValue(definition.label(), definition.type() == CustomFieldType.BOOLEAN
                        ? (Boolean.TRUE.equals(value) ? "Yes" : "No") : value.toString()));
            }
        }
        var category = categories.get(ticket.categoryId()).name();
        if (ticket.subcategoryId() != null) {
            category += " › " + categories.get(ticket.subcategoryId()).name();
        }

        Controls controls = null;
        List<Badge> sla = List.of();
        if (agent) {
            var me = caller.id().value();
            var assignment = assignments.get(caller, ticket.id());
            controls = new Controls(
                    ticket.status().next().stream().sorted()
                            .map(s -> new Option(s.name(), label(s), false)).toList(),
                    ticket.status().canBecome(TicketStatus.RESOLVED),
                    java.util.Arrays.stream(Priority.values())
                            .map(p -> new Option(p.name(), label(p), p == ticket.priority())).toList(),
                    queue.agents().stream().map(a -> new Option(a.toString(), name(names, a), a.equals(ticket.assigneeId())))
                            .sorted(java.util.Comparator.comparing(Option::label)).toList(),
                    ticket.assigneeId(), me.equals(ticket.assigneeId()), assignment.acceptedAt() != null,
                    queue.isAgent(me) && !me.equals(ticket.assigneeId()));
            sla = List.of(badge("First response", details.firstResponse(), zone),
                    badge("Resolution", details.resolution(), zone));
        }
        return new TicketPage(ticket.id(), ticket.number(), ticket.subject(), Markdown.toSafeHtml(ticket.description()),
                ticket.status().name(), label(ticket.status()), label(ticket.priority()), category, queue.name(),
                name(names, ticket.requesterId()),
                ticket.assigneeId() == null ? null : name(names, ticket.assigneeId()),
                format(ticket.createdAt(), zone), ticket.resolution(), fields,
                visibleFiles.stream().filter(a -> a.commentId() == null).map(TicketPageModel::file).toList(),
                timeline, agent, controls, sla, canReopen, canRate, rated, related(caller, ticket.id()));
    }

    private Related related(CurrentUser caller, UUID id) {
        var shown = relations.of(caller, id);
        var me = caller.id().value();
        var watchers = shown.watchers().stream()
                .map(w -> new Watcher(w.userId(), w.displayName() == null ? "A former user" : w.displayName(),
                        w.email(), me.equals(w.userId())))
                .sorted(java.util.Comparator.comparing(Watcher::name)).toList();
        var links = shown.links().stream()
                .map(l -> new LinkRow(l.type().name(), linkLabel(l.type()), l.ticketId(), l.number(), l.subject(),
                        enumLabel(l.status()), "/desk/tickets/" + l.ticketId()))
                .toList();
        var types = java.util.Arrays.stream(TicketLinkType.values()).filter(t -> t != TicketLinkType.HAS_DUPLICATE)
                .map(t -> new Option(t.name(), linkLabel(t), t == TicketLinkType.RELATED)).toList();
        return new Related(watchers, watchers.stream().anyMatch(Watcher::me), shown.tags(),
                String.join(", ", shown.tags()), links, types);
    }

    static String linkLabel(TicketLinkType type) {
        return switch (type) {
            case DUPLICATE_OF -> "Duplicate of";
            case HAS_DUPLICATE -> "Has duplicate";
            case BLOCKS -> "Blocks";
            case BLOCKED_BY -> "Blocked by";
            case RELATED -> "Related to";
        };
    }

    private static Badge badge(String label, SlaState state, ZoneId zone) {
        String css;
        String stateLabel;
        switch (state.status()) {
            case MET -> {
                css = "met";
                stateLabel = "Met";
            }
            case PAUSED -> {
                css = "paused";
                stateLabel = "Paused";
            }
            case BREACHED -> {
                css = "breached";
                stateLabel = "Breached";
            }
            default -> {
                boolean overdue = state.remainingMinutes() < 0;
                boolean warning = state.targetMinutes() > 0 && state.consumedMinutes() * 5 >= state.targetMinutes() * 4;
                css = overdue ? "breached" : warning ? "warning" : "running";
                stateLabel = overdue ? "Overdue" : warning ? "Due soon" : "On track";
            }
        }
        String remaining = null;
        if (state.status() == SlaClock.Status.RUNNING || state.status() == SlaClock.Status.PAUSED
                || state.status() == SlaClock.Status.BREACHED) {
            var minutes = state.remainingMinutes();
            remaining = minutes < 0 ? minutes(-minutes) + " business time over"
                    : minutes(minutes) + " business time left";
        }
        return new Badge(label, css, stateLabel, state.due() == null ? null : format(state.due(), zone),
                state.due() == null ? null : state.due().toString(), remaining, state.explanation());
    }

    /** {@code 2 h 5 min}, {@code 3 d 4 h} for long ones. */
    static String minutes(long minutes) {
        var d = Duration.ofMinutes(minutes);
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() + " min";
    }

    private static String sentence(TimelineEntry.ChangeEntry c, Map<UUID, String> names) {
        var who = name(names, c.actorId());
        return switch (c.field()) {
            case "status" -> who + " changed the status from " + statusLabel(c.oldValue()) + " to "
                    + statusLabel(c.newValue()) + ".";
            case "resolution" -> who + " resolved it: " + c.newValue();
            case "priority" -> who + " changed the priority from " + enumLabel(c.oldValue()) + " to "
                    + enumLabel(c.newValue()) + ".";
            case "assignee" -> {
                var to = uuid(c.newValue()).map(u -> name(names, u)).orElse(null);
                if (to == null) {
                    yield who + " gave the ticket back to the queue.";
                }
                yield SYSTEM.equals(c.actorId()) ? "Assigned to " + to + "." : who + " assigned it to " + to + ".";
            }
            case "acceptance" -> who + " accepted the ticket.";
            case "decline_reason" -> who + " declined it: " + c.newValue();
            case "rating" -> who + " rated it " + c.newValue() + " of 5.";
            case "watcher" -> {
                var watcher = uuid(c.newValue() != null ? c.newValue() : c.oldValue());
                var whom = watcher.filter(u -> !u.equals(c.actorId())).map(u -> name(names, u)).orElse(null);
                if (c.newValue() != null) {
                    yield whom == null ? who + " started watching the ticket." : who + " added " + whom
                            + " as a watcher.";
                }
                yield whom == null ? who + " stopped watching the ticket." : who + " removed " + whom
                        + " from the watchers.";
            }
            case "tag" -> c.newValue() != null ? who + " tagged it \u201c" + c.newValue() + "\u201d."
                    : who + " removed the tag \u201c" + c.oldValue() + "\u201d.";
            case "link" -> c.newValue() != null ? who + " linked it: " + linkSentence(c.newValue()) + "."
                    : who + " removed the link: " + linkSentence(c.oldValue()) + ".";
            case "merged_into" -> who + " merged it into " + c.newValue() + ".";
            case "merged_from" -> who + " merged " + c.newValue() + " into this ticket.";
            case "requester_replied" -> null;
            default -> who + " changed " + c.field().replace('_', ' ') + (c.oldValue() == null ? "" : " from "
                    + c.oldValue()) + (c.newValue() == null ? "" : " to " + c.newValue()) + ".";
        };
    }

    /** {@code BLOCKS TKT-2026-000123} as "blocks TKT-2026-000123". */
    private static String linkSentence(String value) {
        var parts = value.split(" ", 2);
        try {
            return linkLabel(TicketLinkType.valueOf(parts[0])).toLowerCase(Locale.ROOT)
                    + (parts.length > 1 ? " " + parts[1] : "");
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static FileView file(TicketAttachment a) {
        return new FileView(a.name(), "/desk/tickets/" + a.ticketId() + "/attachments/" + a.attachmentId(),
                size(a.size()));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String name(Map<UUID, String> names, UUID id) {
        if (SYSTEM.equals(id)) {
            return "Usher";
        }
        return names.getOrDefault(id, "A former user");
    }

    static String format(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    static String label(Enum<?> value) {
        var text = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String statusLabel(String name) {
        return name == null ? "none" : enumLabel(name);
    }

    private static String enumLabel(String name) {
        if (name == null || name.isBlank()) {
            return "none";
        }
        var text = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static java.util.Optional<UUID> uuid(String value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
