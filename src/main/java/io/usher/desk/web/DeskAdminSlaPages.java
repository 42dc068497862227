package io.usher.desk.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.usher.desk.InvalidDeskInput;
import io.usher.desk.Priority;
import io.usher.desk.SlaPolicies;
import io.usher.desk.internal.Categories;
import io.usher.desk.internal.SlaPolicyDetails;
import io.usher.desk.internal.SlaPolicyManagement;
import io.usher.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

/**
 * SLA policies in the desk administration: the targets in force per priority (configured or built in), those set
 * per category, and a form that sets a priority's targets, for all categories or one.
 */
@Controller
@RequestMapping("/desk/admin/sla-policies")
class DeskAdminSlaPages {

    private final SlaPolicyManagement policies;
    private final Categories categories;

    DeskAdminSlaPages(SlaPolicyManagement policies, Categories categories) {
        this.policies = policies;
        this.categories = categories;
    }

    /** Targets as the form sends them, in business minutes; an empty category means every category. */
    record PolicyForm(String priority, String categoryId, String firstResponseMinutes, String resolutionMinutes) {
    }

    /** A row of the table: {@code id} null for a built-in default. */
    record PolicyRow(UUID id, String priority, String category, long firstResponseMinutes, long resolutionMinutes) {
    }

    @GetMapping
    String list(Model model) {
        return page(new PolicyForm(Priority.MEDIUM.name(), "", "", ""), new FormErrors(), model);
    }

    @PostMapping
    String put(@ModelAttribute PolicyForm form, Model model, HttpServletResponse response) {
        var errors = new FormErrors();
        var details = new SlaPolicyDetails(form.priority(), uuid(form.categoryId(), errors),
                minutes(form.firstResponseMinutes(), "firstResponseMinutes", errors),
                minutes(form.resolutionMinutes(), "resolutionMinutes", errors));
        if (!errors.any()) {
            try {
                policies.put(CurrentUser.require(), details);
                return "redirect:/desk/admin/sla-policies?notice=desk-sla-policy-saved";
            } catch (InvalidDeskInput e) {
                errors.from(e, field -> switch (field) {
                    case "priority", "categoryId", "firstResponseMinutes", "resolutionMinutes" -> field;
                    default -> null;
                });
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(form, errors, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id) {
        policies.delete(CurrentUser.require(), id);
        return "redirect:/desk/admin/sla-policies?notice=desk-sla-policy-deleted";
    }

    private String page(PolicyForm form, FormErrors errors, Model model) {
        Map<UUID, String> names = categories.list().stream().collect(Collectors.toMap(c -> c.id(), c -> c.name()));
        var configured = policies.configured();
        var general = new ArrayList<PolicyRow>();
        for (var priority : Priority.values()) {
            var set = configured.stream().filter(p -> p.policy().priority() == priority && p.policy().category() == null)
                    .findFirst();
            var policy = set.map(p -> p.policy()).orElse(SlaPolicies.DEFAULTS.get(priority));
            general.add(new PolicyRow(set.map(p -> p.id()).orElse(null), priority.name(), null,
                    policy.firstResponseMinutes(), policy.resolutionMinutes()));
        }
        List<PolicyRow> perCategory = configured.stream().filter(p -> p.policy().category() != null)
                .map(p -> new PolicyRow(p.id(), p.policy().priority().name(),
                        names.getOrDefault(p.policy().category().value(), "?"), p.policy().firstResponseMinutes(),
                        p.policy().resolutionMinutes()))
                .toList();
        model.addAttribute("general", general);
        model.addAttribute("perCategory", perCategory);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("priorities", Arrays.stream(Priority.values()).map(Enum::name).toList());
        model.addAttribute("categories", categories.list().stream()
                .map(c -> new DeskAdminQueuePages.Choice(c.id().toString(),
                        (c.isSubcategory() ? "— " : "") + c.name()))
                .toList());
        return "desk/admin/sla-policies";
    }

    private static Long minutes(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            errors.field(field, "enter a number of business minutes");
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.field(field, "enter a whole number of business minutes");
            return null;
        }
    }

    private static UUID uuid(String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.field("categoryId", "choose a category of the list");
            return null;
        }
    }
}
