package io.usher.desk.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.desk.CustomField;
import io.usher.desk.internal.Categories;
import io.usher.desk.internal.Category;
import io.usher.desk.internal.CategoryDetails;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;

@RestController
@RequestMapping("/api/v1/desk/admin/categories")
@Tag(name = "Desk administration: categories", description = "Categories and subcategories of tickets, their default "
        + "queues and custom fields; ADMIN only")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 403, codes = "identity.forbidden")
class CategoriesAdminApi {

    private final Categories categories;

    CategoriesAdminApi(Categories categories) {
        this.categories = categories;
    }

    record CategoryView(UUID id, UUID parentId, String name, UUID defaultQueueId, List<FieldView> fields) {

        static CategoryView of(Category category) {
            return new CategoryView(category.id(), category.parentId(), category.name(), category.defaultQueueId(),
                    category.fields().stream().map(FieldView::of).toList());
        }
    }

    record FieldView(String key, String label, String type, boolean required, List<String> options) {

        static FieldView of(CustomField field) {
            return new FieldView(field.key(), field.label(), field.type().name(), field.required(), field.options());
        }
    }

    @GetMapping
    @Operation(summary = "All categories, each top-level one followed by its subcategories")
    List<CategoryView> list() {
        return categories.list().stream().map(CategoryView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create a category or (with parentId) a subcategory: {name, parentId?, defaultQueueId, "
            + "fields: [{key, label, type (TEXT | NUMBER | DATE | SELECT | BOOLEAN), required, options}]}")
    @ApiProblem(status = 400, codes = "desk.invalid_category")
    @ApiProblem(status = 409, codes = "desk.name_taken")
    ResponseEntity<CategoryView> create(@RequestBody CategoryDetails body) {
        var category = categories.create(CurrentUser.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/desk/admin/categories/" + category.id()))
                .body(CategoryView.of(category));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A category")
    @ApiProblem(status = 404, codes = "desk.category_not_found")
    CategoryView get(@PathVariable UUID id) {
        return CategoryView.of(categories.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a category's name, default queue and custom fields (its parent stays)")
    @ApiProblem(status = 400, codes = "desk.invalid_category")
    @ApiProblem(status = 404, codes = "desk.category_not_found")
    @ApiProblem(status = 409, codes = "desk.name_taken")
    CategoryView replace(@PathVariable UUID id, @RequestBody CategoryDetails body) {
        return CategoryView.of(categories.update(CurrentUser.require(), id, body));
    }
}
