package io.usher.desk.internal;

import java.util.Map;
import java.util.UUID;

/**
 * A ticket as a requester writes it: subject (5–200), description (Markdown, at least 10 characters), category and
 * optional subcategory, impact ({@code MINOR … CRITICAL}) and urgency ({@code LOW … IMMEDIATE}) or the priority
 * itself, and the category's custom fields.
 */
public record NewTicket(String subject, String description, UUID categoryId, UUID subcategoryId, String impact,
        String urgency, String priority, Map<String, Object> customFields) {
}
