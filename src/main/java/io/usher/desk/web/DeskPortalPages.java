package io.usher.desk.web;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.usher.common.UsherException;
import io.usher.desk.CustomField;
import io.usher.desk.Impact;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.Urgency;
import io.usher.desk.internal.Categories;
import io.usher.desk.internal.Category;
import io.usher.desk.internal.MyTickets;
import io.usher.desk.internal.NewTicket;
import io.usher.desk.internal.TicketForms;
import io.usher.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The requester's portal: my tickets, and the form that opens one with the category's custom fields and files. The
 * form works without JavaScript (choosing a category reloads it with that category's fields); htmx swaps in only
 * the fields. {@code /desk/**} needs a signed-in user (identity's page chain); any signed-in user may open tickets.
 */
@Controller
class DeskPortalPages {

    /** Form inputs of custom fields are named {@code field.<key>}. */
    static final String FIELD_PREFIX = "field.";

    private final MyTickets mine;
    private final Categories categories;
    private final TicketForms forms;

    DeskPortalPages(MyTickets mine, Categories categories, TicketForms forms) {
        this.mine = mine;
        this.categories = categories;
        this.forms = forms;
    }

    record Row(UUID id, String number, String subject, String status, String statusLabel, String lastUpdate,
            String lastUpdateIso) {
    }

    record Choice(String value, String label, boolean selected) {
    }

    /** A custom field to render: its definition and what the form holds. */
    record FieldInput(String name, String id, String label, String type, boolean required, List<Choice> options,
            String value, String error) {
    }

    @GetMapping("/desk")
    String portal(Model model) {
        model.addAttribute("tickets", mine.of(CurrentUser.require()).stream()
                .map(t -> new Row(t.id(), t.number(), t.subject(), t.status().name(), TicketPageModel.label(t.status()),
                        TicketPageModel.format(t.lastUpdate(), ZoneOffset.UTC), t.lastUpdate().toString()))
                .toList());
        return "desk/portal";
    }

    @GetMapping("/desk/new")
    String newTicket(@RequestParam MultiValueMap<String, String> params, Model model) {
        return form(params, Map.of(), model);
    }

    @PostMapping("/desk/tickets")
    String open(@RequestParam MultiValueMap<String, String> params,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) {
        var category = uuid(params.getFirst("categoryId"));
        var subcategory = uuid(params.getFirst("subcategoryId"));
        var custom = new LinkedHashMap<String, Object>();
        params.forEach((name, values) -> {
            if (name.startsWith(FIELD_PREFIX) && !values.isEmpty() && !values.getFirst().isBlank()) {
                custom.put(name.substring(FIELD_PREFIX.length()), values.getFirst());
            }
        });
        var request = new NewTicket(params.getFirst("subject"), params.getFirst("description"), category,
                subcategory, params.getFirst("impact"), params.getFirst("urgency"), null, custom);
        try {
            var created = forms.open(CurrentUser.require(), request, DeskTicketActions.uploads(files));
            return "redirect:/desk/tickets/" + created.ticket().id() + "?notice=desk-ticket-opened";
        } catch (InvalidDeskInput invalid) {
            var errors = new LinkedHashMap<String, String>();
            invalid.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(params, errors, model);
        } catch (UsherException refused) {
            if (refused.status() >= 500 || refused.status() == 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            return form(params, Map.of("files", DeskTicketActions.fileProblem(refused)), model);
        }
    }

    private String form(MultiValueMap<String, String> params, Map<String, String> errors, Model model) {
        var all = categories.list();
        var top = all.stream().filter(c -> !c.isSubcategory()).toList();
        var category = top.stream().filter(c -> c.id().equals(uuid(params.getFirst("categoryId")))).findFirst()
                .orElse(top.isEmpty() ? null : top.getFirst());
        List<Category> subs = category == null ? List.of()
                : all.stream().filter(c -> category.id().equals(c.parentId())).toList();
        var subcategory = subs.stream().filter(c -> c.id().equals(uuid(params.getFirst("subcategoryId"))))
                .findFirst().orElse(null);
        var definitions = new ArrayList<CustomField>();
        if (category != null) {
            definitions.addAll(category.fields());
        }
        if (subcategory != null) {
            definitions.addAll(subcategory.fields());
        }
        model.addAttribute("categories", top.stream().map(c -> new Choice(c.id().toString(), c.name(),
                c == category)).toList());
        model.addAttribute("subcategories", subs.stream().map(c -> new Choice(c.id().toString(), c.name(),
                c == subcategory)).toList());
        model.addAttribute("fields", definitions.stream().map(d -> input(d, params, errors)).toList());
        model.addAttribute("impacts", choices(Impact.values(), params.getFirst("impact")));
        model.addAttribute("urgencies", choices(Urgency.values(), params.getFirst("urgency")));
        model.addAttribute("subject", value(params, "subject"));
        model.addAttribute("description", value(params, "description"));
        model.addAttribute("errors", errors);
        return "desk/new";
    }

    private static FieldInput input(CustomField definition, MultiValueMap<String, String> params,
            Map<String, String> errors) {
        var name = FIELD_PREFIX + definition.key();
        var value = value(params, name);
        List<Choice> options = switch (definition.type()) {
            case SELECT -> definition.options().stream().map(o -> new Choice(o, o, o.equals(value))).toList();
            case BOOLEAN -> List.of(new Choice("true", "Yes", "true".equals(value)),
                    new Choice("false", "No", "false".equals(value)));
            default -> List.of();
        };
        return new FieldInput(name, "field-" + definition.key(), definition.label(),
                definition.type().name().toLowerCase(java.util.Locale.ROOT), definition.required(), options, value,
                errors.get("customFields." + definition.key()));
    }

    private static <E extends Enum<E>> List<Choice> choices(E[] values, String selected) {
        return Arrays.stream(values).map(v -> new Choice(v.name(), TicketPageModel.label(v), v.name().equals(selected)))
                .toList();
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        var value = params.getFirst(name);
        return value == null ? "" : value;
    }

    static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
