package io.usher.desk.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.usher.common.UsherException;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.internal.AgentView;
import io.usher.desk.internal.BulkUpdates;
import io.usher.desk.internal.Tickets;
import io.usher.identity.CurrentUser;

/**
 * The agent workspace's bulk form: the ticked tickets of the page (or all of them) changed through
 * {@link BulkUpdates}, which decides per ticket what the caller may do, answered with a redirect to the same view and
 * filters. The outcome travels in the query string as ticket ids and stable codes
 * ({@code ?updated=2&refused=<id>~<code>}), which {@link BulkSummaries} turns into what the page says.
 */
@Controller
class AgentWorkspaceBulk {

    /** At most this many refusals travel in the redirect; the rest are counted. */
    static final int SHOWN_REFUSALS = 25;

    private static final List<String> FILTERS = List.of("status", "priority", "queueId", "assigneeId", "categoryId",
            "requesterId", "q");

    private final BulkUpdates bulk;
    private final Tickets tickets;

    AgentWorkspaceBulk(BulkUpdates bulk, Tickets tickets) {
        this.bulk = bulk;
        this.tickets = tickets;
    }

    @PostMapping("/desk/agent/bulk")
    String apply(@RequestParam(name = "ticketIds", required = false) List<String> ticketIds,
            @RequestParam(name = "pageIds", required = false) List<String> pageIds,
            @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String status, @RequestParam(required = false) String resolution,
            @RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String assigneeId,
            @RequestParam(defaultValue = "") String queueId, @RequestParam(defaultValue = "") String back) {
        var caller = CurrentUser.require();
        var target = back(back);
        // "apply to all on this page" is a second submit button, so selecting all needs no script
        var chosen = "page".equals(scope) ? pageIds : ticketIds;
        var ids = chosen == null ? List.<UUID>of()
                : chosen.stream().map(DeskPortalPages::uuid).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty() && (chosen == null || chosen.stream().allMatch(String::isBlank))) {
            return redirect(target.queryParam("error", "desk-bulk-none-selected"));
        }
        var assignee = "me".equals(assigneeId) ? caller.id().value() : DeskPortalPages.uuid(assigneeId);
        var queue = DeskPortalPages.uuid(queueId);
        if (ids.size() < chosen.stream().filter(id -> !id.isBlank()).distinct().count()
                || assignee == null && !assigneeId.isBlank() || queue == null && !queueId.isBlank()) {
            // not what the form sends: refused as a whole rather than quietly changing less than was asked
            return redirect(target.queryParam("error", "desk.invalid_bulk_update"));
        }
        if (status.isBlank() && priority.isBlank() && assignee == null && queue == null) {
            return redirect(target.queryParam("error", "desk-bulk-no-change"));
        }
        List<BulkUpdates.Result> results;
        try {
            results = bulk.apply(caller, new BulkUpdates.BulkUpdate(ids, blankToNull(status),
                    resolution == null || resolution.isBlank() ? null : resolution, blankToNull(priority), assignee,
                    queue));
        } catch (InvalidDeskInput invalid) {
            return redirect(target.queryParam("error", invalid.code()));
        }
        var refused = results.stream().filter(r -> r.outcome() == BulkUpdates.Outcome.REFUSED).toList();
        target.queryParam("updated", results.size() - refused.size());
        refused.stream().limit(SHOWN_REFUSALS).forEach(r -> target.queryParam("refused", refusal(caller, r, status)));
        if (refused.size() > SHOWN_REFUSALS) {
            target.queryParam("refusedMore", refused.size() - SHOWN_REFUSALS);
        }
        return redirect(target);
    }

    /** {@code id~code}, and for a refused status change the status it is in and the one asked. */
    private String refusal(CurrentUser caller, BulkUpdates.Result result, String status) {
        var text = result.ticketId() + "~" + result.code();
        if ("desk.illegal_transition".equals(result.code())) {
            try {
                text += "~" + tickets.get(caller, result.ticketId()).ticket().status() + "~"
                        + status.strip().toUpperCase(Locale.ROOT);
            } catch (UsherException gone) {
                // without the statuses the page shows the general sentence
            }
        }
        return text;
    }

    /** The workspace as the form came from it: its view, filters and page, nothing else. */
    static UriComponentsBuilder back(String back) {
        Map<String, String> filters = new LinkedHashMap<>();
        String view = "mine";
        String cursor = null;
        try {
            var params = UriComponentsBuilder.fromUriString(back.isBlank() ? "/desk/agent" : back).build()
                    .getQueryParams();
            view = AgentView.of(String.valueOf(decode(params.getFirst("view")))).map(AgentView::slug).orElse(view);
            for (var name : FILTERS) {
                filters.put(name, decode(params.getFirst(name)));
            }
            cursor = decode(params.getFirst("cursor"));
        } catch (IllegalArgumentException malformed) {
            filters.clear();
        }
        return UriComponentsBuilder.fromUriString(AgentWorkspacePages.url(view, filters, cursor));
    }

    private static String decode(String value) {
        return value == null || value.isBlank() ? null
                : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String redirect(UriComponentsBuilder target) {
        return "redirect:" + target.build(true).toUriString();
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
