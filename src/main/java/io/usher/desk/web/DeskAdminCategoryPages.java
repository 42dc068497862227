package io.usher.desk.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.usher.desk.CustomField;
import io.usher.desk.CustomFieldType;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.NameTaken;
import io.usher.desk.internal.Categories;
import io.usher.desk.internal.Category;
import io.usher.desk.internal.CategoryDetails;
import io.usher.desk.internal.Queues;
import io.usher.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Categories and subcategories in the desk administration, with their default queue and custom fields. The custom
 * fields are rows of the form (the existing ones and a few empty ones to fill); a row left without key and label is
 * not a field, so a field is removed by emptying its row.
 */
@Controller
@RequestMapping("/desk/admin/categories")
class DeskAdminCategoryPages {

    private static final Pattern ROW = Pattern.compile("fields\\[(\\d+)]\\.?(\\w*).*");
    /** Empty rows offered for new fields. */
    private static final int EMPTY_ROWS = 3;

    private final Categories categories;
    private final Queues queues;

    DeskAdminCategoryPages(Categories categories, Queues queues) {
        this.categories = categories;
        this.queues = queues;
    }

    /**
     * A category as the form sends it. The custom fields come as parallel lists, one entry per row; a row's
     * {@code fieldRequired} is sent only when ticked, as the row's number.
     */
    record CategoryForm(String name, String parentId, String defaultQueueId, List<String> fieldKey,
            List<String> fieldLabel, List<String> fieldType, List<String> fieldRequired, List<String> fieldOptions) {

        CategoryForm {
            fieldKey = fieldKey == null ? List.of() : fieldKey;
            fieldLabel = fieldLabel == null ? List.of() : fieldLabel;
            fieldType = fieldType == null ? List.of() : fieldType;
            fieldRequired = fieldRequired == null ? List.of() : fieldRequired;
            fieldOptions = fieldOptions == null ? List.of() : fieldOptions;
        }

        int rows() {
            return Math.max(fieldKey.size(), fieldLabel.size());
        }

        /** Read from the request itself: a list bound from a single value would be split at its commas. */
        static CategoryForm from(HttpServletRequest request) {
            return new CategoryForm(request.getParameter("name"), request.getParameter("parentId"),
                    request.getParameter("defaultQueueId"), values(request, "fieldKey"), values(request, "fieldLabel"),
                    values(request, "fieldType"), values(request, "fieldRequired"), values(request, "fieldOptions"));
        }

        private static List<String> values(HttpServletRequest request, String name) {
            var values = request.getParameterValues(name);
            return values == null ? List.of() : Arrays.asList(values);
        }
    }

    /** One custom-field row of the form, as shown. */
    record FieldRow(int index, String key, String label, String type, boolean required, String options) {
    }

    /** A category as the list shows it. */
    record CategoryRow(UUID id, String name, boolean subcategory, String queue, int fields) {
    }

    @GetMapping
    String list(Model model) {
        var queueNames = queueNames();
        model.addAttribute("categories", categories.list().stream().map(c -> new CategoryRow(c.id(), c.name(),
                c.isSubcategory(), c.defaultQueueId() == null ? null : queueNames.get(c.defaultQueueId().toString()),
                c.fields().size())).toList());
        return "desk/admin/categories";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(null, List.of(), new CategoryForm("", "", "", null, null, null, null, null), new FormErrors(),
                model);
    }

    @PostMapping
    String create(HttpServletRequest request, Model model, HttpServletResponse response) {
        var form = CategoryForm.from(request);
        var errors = new FormErrors();
        var rows = rows(form);
        var details = details(form, rows, errors);
        if (!errors.any()) {
            try {
                var created = categories.create(CurrentUser.require(), details);
                return "redirect:/desk/admin/categories/" + created.id() + "?notice=desk-category-saved";
            } catch (InvalidDeskInput e) {
                errors.from(e, DeskAdminCategoryPages::field);
            } catch (NameTaken e) {
                errors.field("name", e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(null, rows, form, errors, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        var category = categories.get(id);
        var rows = new ArrayList<FieldRow>();
        var fields = category.fields();
        for (int i = 0; i < fields.size(); i++) {
            rows.add(row(i, fields.get(i)));
        }
        var form = new CategoryForm(category.name(), string(category.parentId()), string(category.defaultQueueId()),
                null, null, null, null, null);
        return form(category, rows, form, new FormErrors(), model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, HttpServletRequest request, Model model, HttpServletResponse response) {
        var form = CategoryForm.from(request);
        var category = categories.get(id);
        var errors = new FormErrors();
        var rows = rows(form);
        var details = details(form, rows, errors);
        if (!errors.any()) {
            try {
                categories.update(CurrentUser.require(), id, details);
                return "redirect:/desk/admin/categories/" + id + "?notice=desk-category-saved";
            } catch (InvalidDeskInput e) {
                errors.from(e, DeskAdminCategoryPages::field);
            } catch (NameTaken e) {
                errors.field("name", e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(category, rows, form, errors, model);
    }

    private String form(Category category, List<FieldRow> filled, CategoryForm form, FormErrors errors,
            Model model) {
        var rows = new ArrayList<>(filled);
        for (int i = 0; i < EMPTY_ROWS; i++) {
            rows.add(new FieldRow(rows.size(), "", "", CustomFieldType.TEXT.name(), false, ""));
        }
        model.addAttribute("category", category);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("parents", categories.list().stream()
                .filter(c -> !c.isSubcategory() && (category == null || !c.id().equals(category.id())))
                .map(c -> new DeskAdminQueuePages.Choice(c.id().toString(), c.name())).toList());
        model.addAttribute("queues", queues.list().stream()
                .map(q -> new DeskAdminQueuePages.Choice(q.id().toString(), q.name())).toList());
        model.addAttribute("types", Arrays.stream(CustomFieldType.values()).map(Enum::name).toList());
        return "desk/admin/category-form";
    }

    /** The rows that define a field (a key or a label given), renumbered from 0 as the service will name them. */
    private static List<FieldRow> rows(CategoryForm form) {
        var rows = new ArrayList<FieldRow>();
        for (int i = 0; i < form.rows(); i++) {
            var key = at(form.fieldKey(), i);
            var label = at(form.fieldLabel(), i);
            if (key.isBlank() && label.isBlank()) {
                continue;
            }
            rows.add(new FieldRow(rows.size(), key.strip(), label.strip(), at(form.fieldType(), i),
                    form.fieldRequired().contains(Integer.toString(i)), at(form.fieldOptions(), i)));
        }
        return rows;
    }

    private static CategoryDetails details(CategoryForm form, List<FieldRow> rows, FormErrors errors) {
        var fields = rows.stream().map(row -> new CategoryDetails.FieldDetails(row.key(), row.label(), row.type(),
                row.required(), Arrays.stream(row.options().split(",")).map(String::strip)
                        .filter(option -> !option.isEmpty()).toList()))
                .toList();
        return new CategoryDetails(form.name(), uuid(form.parentId(), "parentId", errors),
                uuid(form.defaultQueueId(), "defaultQueueId", errors), fields);
    }

    /** {@code fields[2].key} is the key of the third filled row; other names are the form's own. */
    private static String field(String name) {
        var row = ROW.matcher(name);
        if (row.matches()) {
            var part = row.group(2).isEmpty() ? "key" : row.group(2);
            return "fields[" + row.group(1) + "]." + part;
        }
        return switch (name) {
            case "name", "parentId", "defaultQueueId" -> name;
            case "fields" -> "fields";
            default -> null;
        };
    }

    private static FieldRow row(int index, CustomField field) {
        return new FieldRow(index, field.key(), field.label(), field.type().name(), field.required(),
                String.join(", ", field.options()));
    }

    private Map<String, String> queueNames() {
        return queues.list().stream().collect(Collectors.toMap(q -> q.id().toString(), q -> q.name()));
    }

    private static UUID uuid(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.field(field, "choose one of the list");
            return null;
        }
    }

    private static String at(List<String> list, int index) {
        return index < list.size() && list.get(index) != null ? list.get(index) : "";
    }

    private static String string(UUID id) {
        return id == null ? "" : id.toString();
    }
}
