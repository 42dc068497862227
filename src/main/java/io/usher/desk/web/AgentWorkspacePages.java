package io.usher.desk.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.usher.desk.InvalidDeskInput;
import io.usher.desk.Priority;
import io.usher.desk.TicketStatus;
import io.usher.desk.internal.AgentView;
import io.usher.desk.internal.AgentViews;
import io.usher.desk.internal.ViewRequest;
import io.usher.desk.internal.ViewRow;
import io.usher.identity.CurrentUser;

/**
 * The agent workspace: the views "mine", "unassigned", "breaching soon" and "all" as a table sorted by SLA due, with
 * the filters as a GET form (so a filtered list is a link one can share). With htmx the form swaps only the table.
 * The table is also the bulk form ({@link AgentWorkspaceBulk}), whose outcome the page shows after its redirect.
 */
@Controller
class AgentWorkspacePages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> LABELS = Map.of("mine", "Mine", "unassigned", "Unassigned",
            "breaching", "Breaching soon", "all", "All");

    private final AgentViews views;
    private final BulkSummaries bulk;

    AgentWorkspacePages(AgentViews views, BulkSummaries bulk) {
        this.views = views;
        this.bulk = bulk;
    }

    /** A tab of the page. */
    record Tab(String slug, String label, String url, boolean current) {
    }

    /** A row as shown. */
    record Line(UUID id, String number, String subject, String status, String priority, String queue, UUID queueId,
            String assignee, UUID assigneeId, String requester, UUID requesterId, String dueIso, String dueText,
            String dueRelative, String slaLabel, String slaClass) {
    }

    @GetMapping("/desk/agent")
    String workspace(@RequestParam(defaultValue = "mine") String view,
            @RequestParam(required = false) String status, @RequestParam(required = false) String priority,
            @RequestParam(required = false) String queueId, @RequestParam(required = false) String assigneeId,
            @RequestParam(required = false) String categoryId, @RequestParam(required = false) String requesterId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer updated, @RequestParam(required = false) List<String> refused,
            @RequestParam(required = false) Integer refusedMore,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var caller = CurrentUser.require();
        var filters = new LinkedHashMap<String, String>();
        filters.put("status", status);
        filters.put("priority", priority);
        filters.put("queueId", queueId);
        filters.put("assigneeId", assigneeId);
        filters.put("categoryId", categoryId);
        filters.put("requesterId", requesterId);
        filters.put("q", q);
        filters.replaceAll((k, v) -> v == null || v.isBlank() ? null : v.strip());
        var slug = AgentView.of(view).map(AgentView::slug).orElse(view);
        var request = new ViewRequest(list(status), list(priority), queueId, assigneeId, categoryId, requesterId, q,
                cursor, null);
        model.addAttribute("view", slug);
        model.addAttribute("filters", filters);
        model.addAttribute("laterPage", cursor != null && !cursor.isBlank());
        model.addAttribute("selfUrl", url(slug, filters, cursor == null || cursor.isBlank() ? null : cursor));
        model.addAttribute("bulkSummary", bulk.of(caller, updated, refused, refusedMore));
        try {
            var page = views.view(caller, slug, request);
            var horizon = page.horizon();
            model.addAttribute("lines", page.rows().stream().map(row -> line(row, page.at())).toList());
            model.addAttribute("horizon", hours(horizon));
            model.addAttribute("nextUrl", page.nextCursor() == null ? null : url(slug, filters, page.nextCursor()));
            model.addAttribute("firstUrl", url(slug, filters, null));
            model.addAttribute("problems", List.of());
        } catch (InvalidDeskInput invalid) {
            model.addAttribute("lines", List.of());
            model.addAttribute("problems", invalid.errors().stream().map(e -> e.field() + " " + e.message()).toList());
            model.addAttribute("nextUrl", null);
            model.addAttribute("firstUrl", url(slug, Map.of(), null));
        }
        // the bulk form is part of the results, so htmx swaps it in with them
        model.addAttribute("queues", views.queues(caller));
        model.addAttribute("agents", views.agents(caller));
        model.addAttribute("statuses", Arrays.stream(TicketStatus.values()).map(Enum::name).toList());
        model.addAttribute("priorities", Arrays.stream(Priority.values()).map(Enum::name).toList());
        if (htmx != null) {
            return "desk/agent-workspace :: results";
        }
        model.addAttribute("tabs", tabs(slug, filters));
        model.addAttribute("categories", views.categories(caller));
        model.addAttribute("requesterFilter", filters.get("requesterId") == null ? null
                : url(slug, without(filters, "requesterId"), null));
        model.addAttribute("title", LABELS.getOrDefault(slug, "Tickets"));
        return "desk/agent-workspace";
    }

    /** The four views as links keeping the filters (a new view starts at its first page). */
    private static List<Tab> tabs(String current, Map<String, String> filters) {
        var tabs = new ArrayList<Tab>();
        for (var view : AgentView.values()) {
            tabs.add(new Tab(view.slug(), LABELS.get(view.slug()), url(view.slug(), filters, null),
                    view.slug().equals(current)));
        }
        return tabs;
    }

    private static Map<String, String> without(Map<String, String> filters, String name) {
        var copy = new LinkedHashMap<>(filters);
        copy.remove(name);
        return copy;
    }

    static String url(String view, Map<String, String> filters, String cursor) {
        var builder = UriComponentsBuilder.fromPath("/desk/agent").queryParam("view", view);
        filters.forEach((name, value) -> {
            if (value != null) {
                builder.queryParam(name, value);
            }
        });
        if (cursor != null) {
            builder.queryParam("cursor", cursor);
        }
        return builder.encode().build().toUriString();
    }

    private static Line line(ViewRow row, Instant now) {
        String iso = null;
        String text = null;
        String relative = null;
        if (row.due() != null) {
            iso = row.due().toString();
            text = WHEN.format(row.due());
            relative = relative(Duration.between(now, row.due()));
        }
        var sla = switch (row.sla()) {
            case BREACHED -> new String[] {"Breached", "badge badge-void"};
            case DUE_SOON -> new String[] {"Due soon", "badge badge-warn"};
            case ON_TRACK -> new String[] {"On track", "badge badge-ok"};
            case PAUSED -> new String[] {"Paused", "badge"};
            case NONE -> new String[] {"No timer", "badge"};
        };
        return new Line(row.id(), row.number(), row.subject(), label(row.status().name()), label(row.priority().name()),
                row.queueName(), row.queueId(), row.assigneeName() == null && row.assigneeId() != null ? "(unknown)"
                        : row.assigneeName(), row.assigneeId(),
                row.requesterName() == null ? "(unknown)" : row.requesterName(), row.requesterId(), iso, text,
                relative, sla[0], sla[1]);
    }

    /** "in 1 h 20 min", "35 min ago". */
    static String relative(Duration until) {
        var abs = until.abs();
        String amount;
        if (abs.toDays() >= 2) {
            amount = abs.toDays() + " days";
        } else if (abs.toHours() >= 1) {
            amount = abs.toHours() + " h " + abs.toMinutesPart() + " min";
        } else {
            amount = abs.toMinutes() + " min";
        }
        return until.isNegative() ? amount + " ago" : "in " + amount;
    }

    private static String hours(Duration horizon) {
        return horizon.toMinutesPart() == 0 ? horizon.toHours() + " h" : horizon.toMinutes() + " min";
    }

    private static String label(String constant) {
        var words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }
}
