package io.usher.catalog.internal;

import java.time.ZoneId;
import java.util.Optional;

/** Time zones are IANA region ids ({@code Europe/Berlin}); fixed offsets would ignore daylight saving. */
final class Timezones {

    private Timezones() {
    }

    static Optional<ZoneId> parse(String id) {
        if (id == null || !ZoneId.getAvailableZoneIds().contains(id.strip())) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(id.strip()));
    }

    static String problem(String id) {
        return "'" + id + "' is not an IANA time zone id such as Europe/Berlin or America/New_York.";
    }
}
