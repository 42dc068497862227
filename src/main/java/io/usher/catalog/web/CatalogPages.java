package io.usher.catalog.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.BeansException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

import io.usher.catalog.InvalidCatalogInput;
import io.usher.common.UsherException;

/** Small helpers catalog's page controllers share: sign-in redirects, messages, form input and its errors. */
final class CatalogPages {

    /** Catalog's field names that read like code, as a sentence on a page says them. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("venueId", "venue"), Map.entry("startsAt", "start"), Map.entry("endsAt", "end"),
            Map.entry("saleStartsAt", "start of sales"), Map.entry("saleEndsAt", "end of sales"),
            Map.entry("minPerOrder", "minimum per order"), Map.entry("maxPerOrder", "maximum per order"),
            Map.entry("sectionIds", "sections"), Map.entry("priceMinor", "price"),
            Map.entry("imageUrl", "image URL"), Map.entry("accessibleSeats", "accessible seats"),
            Map.entry("seatsPerRow", "seats per row"));

    private CatalogPages() {
    }

    /** Where an anonymous visitor goes: the sign-in page, which brings them back to {@code next}. */
    static String signIn(String next) {
        return "redirect:/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** The page's text for a failure's stable code ({@code error.<code>} in messages.properties). */
    static String message(MessageSource messages, UsherException failure) {
        return messages.getMessage("error." + failure.code(), null, sentence(failure.getMessage()),
                LocaleContextHolder.getLocale());
    }

    /** "must be 1–100 characters" → "Must be 1–100 characters." with catalog's field names in words. */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "That did not work.";
        }
        var text = message.strip();
        for (var word : WORDS.entrySet()) {
            text = text.replaceAll("\\b" + word.getKey() + "\\b", word.getValue());
        }
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }

    /**
     * Puts catalog's field problems next to the form's fields: {@code fields} maps catalog's field names to the
     * form's where they differ; a problem with no field on the form becomes the form's own error.
     */
    static void reject(InvalidCatalogInput failure, BindingResult errors, Map<String, String> fields) {
        for (var problem : failure.errors()) {
            reject(errors, fields.getOrDefault(problem.field(), problem.field()), problem.message());
        }
    }

    /** Marks a field with a catalog message; the whole form when it has no such field. */
    static void reject(BindingResult errors, String field, String message) {
        Class<?> type;
        try {
            type = errors.getFieldType(field);
        } catch (BeansException | IllegalArgumentException e) {
            type = null;
        }
        if (type == null) {
            errors.reject("invalid", sentence(message));
        } else if (errors.getFieldErrorCount(field) == 0) {
            errors.rejectValue(field, "invalid", sentence(message));
        }
    }

    /** The form's errors that belong to no field, as sentences. */
    static List<String> formErrors(BindingResult errors) {
        return errors.getGlobalErrors().stream().map(e -> e.getDefaultMessage()).toList();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A whole number the form asked for, or {@code null} with an error (blank is {@code null} without one). */
    static Integer integer(String value, String field, BindingResult errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "number", "Enter a whole number.");
            return null;
        }
    }

    /** A local date and time from an {@code <input type="datetime-local">}; blank is {@code null}. */
    static LocalDateTime dateTime(String value, String field, BindingResult errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "date", "Enter a date and time, e.g. 2031-05-01 20:00.");
            return null;
        }
    }

    static UUID uuid(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "45", "45.5" or "45.50" in the currency's minor units (4550), or {@code null} with an error. */
    static Long minorUnits(String amount, String currency, String field, BindingResult errors) {
        if (blank(amount)) {
            errors.rejectValue(field, "required", "Enter a price (0 for free tickets).");
            return null;
        }
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT))
                    .getDefaultFractionDigits());
        } catch (RuntimeException e) {
            // The currency gets its own error from catalog; assume cents until it is fixed.
        }
        try {
            var value = new BigDecimal(amount.strip().replace(",", "."));
            if (value.scale() > digits) {
                errors.rejectValue(field, "scale", digits == 0 ? "This currency has no cents: enter a whole amount."
                        : "Enter at most " + digits + " decimals.");
                return null;
            }
            return value.movePointRight(digits).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.rejectValue(field, "number", "Enter an amount such as 45 or 45.50.");
            return null;
        }
    }

    /** "1, 2, 20" → [1, 2, 20]; anything else is an error on the field. */
    static List<Integer> numbers(String list, String field, BindingResult errors) {
        var numbers = new ArrayList<Integer>();
        if (blank(list)) {
            return numbers;
        }
        for (var part : list.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                numbers.add(Integer.valueOf(part));
            } catch (NumberFormatException e) {
                errors.rejectValue(field, "numbers", "List seat numbers separated by commas, e.g. 1, 2, 20.");
                return List.of();
            }
        }
        return numbers;
    }
}
