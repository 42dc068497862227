package io.usher.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import io.usher.catalog.InvalidCatalogInput.FieldProblem;

/**
 * A ticket type as given. Seated when {@code sectionIds} names sections of the venue's plan (its capacity is
 * then their seats, so {@code capacity} is left out); general admission with a {@code capacity} otherwise.
 *
 * @param minPerOrder {@code null} = 1
 * @param maxPerOrder {@code null} = 10 (at least {@code minPerOrder})
 * @param feeMinor service fee per ticket, in minor units of the price's currency, added by orders; {@code null} = 0
 *        for a new ticket type, unchanged for an existing one
 */
public record TicketTypeDetails(String name, Long priceMinor, String currency, Integer capacity,
        List<UUID> sectionIds, Instant saleStartsAt, Instant saleEndsAt, Integer minPerOrder, Integer maxPerOrder,
        Long feeMinor) {

    static final long MAX_PRICE_MINOR = 100_000_000_000L;
    static final int MAX_CAPACITY = 1_000_000;
    static final int MAX_PER_ORDER = 20;

    public String name() {
        return name == null ? null : name.strip();
    }

    public boolean seated() {
        return sectionIds != null && !sectionIds.isEmpty();
    }

    public List<UUID> sections() {
        return sectionIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(sectionIds));
    }

    public int min() {
        return minPerOrder == null ? 1 : minPerOrder;
    }

    public int max() {
        return maxPerOrder == null ? Math.max(min(), Math.min(10, MAX_PER_ORDER)) : maxPerOrder;
    }

    public String currencyCode() {
        return currency == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT);
    }

    List<FieldProblem> problems() {
        var problems = new ArrayList<FieldProblem>();
        if (name() == null || name().isEmpty() || name().length() > 100) {
            problems.add(new FieldProblem("name", "must be 1–100 characters"));
        }
        if (priceMinor == null || priceMinor < 0 || priceMinor > MAX_PRICE_MINOR) {
            problems.add(new FieldProblem("priceMinor", "must be 0–" + MAX_PRICE_MINOR + " (minor units, e.g. cents)"));
        }
        if (feeMinor != null && (feeMinor < 0 || feeMinor > MAX_PRICE_MINOR)) {
            problems.add(new FieldProblem("feeMinor", "must be 0–" + MAX_PRICE_MINOR + " (minor units, e.g. cents)"));
        }
        if (!isCurrency(currency)) {
            problems.add(new FieldProblem("currency", "must be an ISO 4217 code such as EUR or USD"));
        }
        if (seated()) {
            if (capacity != null) {
                problems.add(new FieldProblem("capacity", "a seated ticket type's capacity is its sections' seats; "
                        + "leave it out"));
            }
            if (sectionIds.stream().anyMatch(java.util.Objects::isNull)) {
                problems.add(new FieldProblem("sectionIds", "must not contain null"));
            } else if (new HashSet<>(sectionIds).size() != sectionIds.size()) {
                problems.add(new FieldProblem("sectionIds", "each section at most once"));
            }
        } else if (capacity == null || capacity < 0 || capacity > MAX_CAPACITY) {
            problems.add(new FieldProblem("capacity", "must be 0–1,000,000 for general admission (or give sectionIds "
                    + "for a seated ticket type)"));
        }
        if (saleStartsAt != null && saleEndsAt != null && !saleEndsAt.isAfter(saleStartsAt)) {
            problems.add(new FieldProblem("saleEndsAt", "must be after saleStartsAt"));
        }
        if (min() < 1 || min() > MAX_PER_ORDER) {
            problems.add(new FieldProblem("minPerOrder", "must be 1–" + MAX_PER_ORDER));
        }
        if (max() < 1 || max() > MAX_PER_ORDER) {
            problems.add(new FieldProblem("maxPerOrder", "must be 1–" + MAX_PER_ORDER));
        } else if (max() < min()) {
            problems.add(new FieldProblem("maxPerOrder", "must be at least minPerOrder"));
        }
        return problems;
    }

    private static boolean isCurrency(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
