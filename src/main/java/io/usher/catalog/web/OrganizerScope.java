package io.usher.catalog.web;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.identity.Organizations;

/**
 * The organizations an organizer works for, as the console offers them. Catalog's services decide who may act
 * for which; this only lists the choices (an administrator who belongs to none picks among none, and reaches
 * other organizations' events through their pages).
 */
@Component
class OrganizerScope {

    /** IANA time zones for the forms' suggestions, sorted. */
    static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted().toList();

    private final Organizations organizations;

    OrganizerScope(Organizations organizations) {
        this.organizations = organizations;
    }

    List<Option> organizations(CurrentUser user) {
        return organizations.organizationsOf(user.id()).stream()
                .map(id -> new Option(id.toString(), organizations.name(id).orElse(id.toString())))
                .sorted(Comparator.comparing(Option::label, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    String name(OrganizationId organization) {
        return organizations.name(organization).orElse("another organization");
    }
}
