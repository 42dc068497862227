package io.usher.desk.internal;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A ticket as a requester writes it: subject (5–200), description (Markdown, at least 10 characters), category and
 * optional subcategory, impact ({@code MINOR … CRITICAL}) and urgency ({@code LOW … IMMEDIATE}) or the priority
 * itself, the category's custom fields, and the requester's own box-office order it is about, if any.
 */
public record NewTicket(String subject, String description, UUID categoryId, UUID subcategoryId, String impact,
        String urgency, String priority, Map<String, Object> customFields, UUID orderId) {

    @JsonCreator
    public NewTicket {
    }

    /** A ticket about no order. */
    public NewTicket(String subject, String description, UUID categoryId, UUID subcategoryId, String impact,
            String urgency, String priority, Map<String, Object> customFields) {
        this(subject, description, categoryId, subcategoryId, impact, urgency, priority, customFields, null);
    }
}
