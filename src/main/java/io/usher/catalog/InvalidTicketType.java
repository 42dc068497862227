package io.usher.catalog;

import java.util.List;

/** 400: ticket type details that break a rule (price, currency, capacity, sections, sale window, order limits). */
public class InvalidTicketType extends InvalidCatalogInput {

    public InvalidTicketType(List<FieldProblem> errors) {
        super("catalog.invalid_ticket_type", errors);
    }

    public InvalidTicketType(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }
}
