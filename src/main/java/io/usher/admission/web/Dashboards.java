package io.usher.admission.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.usher.admission.internal.AdmissionStats;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;

/**
 * An event's sales and check-in for its organizers: tickets sold, revenue, admitted, per ticket type, and the
 * latest scans at the door. The numbers part reloads itself every five seconds (htmx polling a fragment).
 */
@Controller
class Dashboards {

    private static final Locale LOCALE = Locale.UK;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", LOCALE);

    private final AdmissionStats stats;

    Dashboards(AdmissionStats stats) {
        this.stats = stats;
    }

    record TypeRow(String name, String sold, String revenue, String checkedIn) {
    }

    record ScanRow(String time, String gate, String ticket, String result, boolean admitted) {
    }

    @GetMapping("/organizer/events/{id}/dashboard")
    String dashboard(@PathVariable UUID id, Model model) {
        fill(stats.of(CurrentUser.require(), new EventId(id)), model);
        return "admission/dashboard";
    }

    @GetMapping("/organizer/events/{id}/dashboard/live")
    String live(@PathVariable UUID id, Model model) {
        fill(stats.of(CurrentUser.require(), new EventId(id)), model);
        return "admission/dashboard :: live";
    }

    private static void fill(AdmissionStats.Stats s, Model model) {
        var zone = ZoneId.of(s.event().timezone());
        var currency = s.currency() == null ? null : Currency.getInstance(s.currency());
        model.addAttribute("event", s.event());
        model.addAttribute("sold", count(s.ticketsSold()));
        model.addAttribute("revenue", money(s.revenueMinor(), currency));
        model.addAttribute("checkedIn", count(s.checkedIn()));
        model.addAttribute("valid", count(s.validTickets()));
        model.addAttribute("percent", String.format(LOCALE, "%.1f %%", s.checkedInPercent()));
        model.addAttribute("refused", count(s.refusedScans()));
        model.addAttribute("types", s.ticketTypes().stream().map(t -> new TypeRow(t.name(), count(t.sold()),
                money(t.revenueMinor(), currency), count(t.checkedIn()))).toList());
        model.addAttribute("scans", scans(s.recentScans(), zone));
        model.addAttribute("updated", TIME.format(s.at().atZone(zone)));
        model.addAttribute("timezone", zone.getId());
    }

    private static List<ScanRow> scans(List<AdmissionStats.Scan> scans, ZoneId zone) {
        return scans.stream().map(scan -> new ScanRow(TIME.format(scan.scannedAt().atZone(zone)),
                scan.gate() + ("OFFLINE".equals(scan.source()) ? " (offline)" : ""),
                scan.holderName() == null ? "—" : scan.holderName() + " · " + scan.ticketTypeName(),
                scan.admitted() ? "Admitted" : Refusals.headline(scan.result()), scan.admitted())).toList();
    }

    private static String count(long value) {
        return String.format(LOCALE, "%,d", value);
    }

    static String money(long minor, Currency currency) {
        if (currency == null) {
            return "—";
        }
        var format = NumberFormat.getCurrencyInstance(LOCALE);
        format.setCurrency(currency);
        var digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }
}
