package io.usher.catalog.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.usher.catalog.EventCategory;
import io.usher.catalog.EventStatus;
import io.usher.catalog.internal.Schedule;
import io.usher.common.Money;

/**
 * How catalog's pages write dates, prices and names. An event's times are shown in its own time zone (where
 * it takes place), with the zone's abbreviation, whatever the visitor's zone.
 */
final class Formats {

    private static final Locale LOCALE = Locale.UK;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", LOCALE);
    private static final DateTimeFormatter TIME_SECONDS_ZONE = DateTimeFormatter.ofPattern("HH:mm:ss z", LOCALE);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("z", LOCALE);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Formats() {
    }

    /** "Fri 1 May 2031, 20:00–23:00 CEST", or both days in full when it ends on another day. */
    static String when(Schedule schedule) {
        var starts = schedule.startsAt().atZone(schedule.zone());
        var ends = schedule.endsAt().atZone(schedule.zone());
        if (starts.toLocalDate().equals(ends.toLocalDate())) {
            return DAY_TIME.format(starts) + "–" + TIME.format(ends) + " " + ZONE.format(ends);
        }
        return DAY_TIME.format(starts) + " " + ZONE.format(starts) + " – " + DAY_TIME.format(ends) + " "
                + ZONE.format(ends);
    }

    /** "Fri 1 May 2031, 20:00 CEST". */
    static String at(Instant instant, ZoneId zone) {
        var zoned = instant.atZone(zone);
        return DAY_TIME.format(zoned) + " " + ZONE.format(zoned);
    }

    /** "20:15:03 CEST": a time later today, such as when a hold ends. */
    static String time(Instant instant, ZoneId zone) {
        return TIME_SECONDS_ZONE.format(instant.atZone(zone));
    }

    /** "€45.00"; "Free" for nothing. */
    static String money(Money money) {
        if (money == null) {
            return "";
        }
        if (money.minor() == 0) {
            return "Free";
        }
        var format = NumberFormat.getCurrencyInstance(LOCALE);
        format.setCurrency(money.currency());
        var digits = Math.max(0, money.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(money.minor(), digits));
    }

    /** The amount as a form shows it for editing: "45.00". */
    static String amount(Money money) {
        var digits = Math.max(0, money.currency().getDefaultFractionDigits());
        return BigDecimal.valueOf(money.minor(), digits).toPlainString();
    }

    /** The value of an {@code <input type="datetime-local">}. */
    static String input(LocalDateTime local) {
        return local == null ? "" : INPUT.format(local);
    }

    static String input(Instant instant, ZoneId zone) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone));
    }

    static String category(EventCategory category) {
        return switch (category) {
            case CONCERT -> "Concert";
            case SPORTS -> "Sports";
            case THEATER -> "Theatre";
            case CONFERENCE -> "Conference";
            case FESTIVAL -> "Festival";
            case OTHER -> "Other";
        };
    }

    static String status(EventStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case PUBLISHED -> "Published";
            case POSTPONED -> "Postponed";
            case CANCELLED -> "Cancelled";
            case COMPLETED -> "Completed";
        };
    }

    /** A badge's class for an event status: on sale reads as good news, the rest as a warning. */
    static String statusBadge(EventStatus status) {
        return status.onSale() ? "badge badge-ok" : "badge badge-warn";
    }

    /** "1 ticket", "3 tickets". */
    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
