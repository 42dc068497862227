package io.usher.desk;

import java.util.regex.Pattern;

/**
 * Opening hours within one day, in the calendar's wall-clock time, as minutes since midnight: {@code from}
 * inclusive, {@code to} exclusive, {@code to} up to 1440 (24:00) so a day can be open to its very end.
 */
public record OpeningInterval(int fromMinute, int toMinute) implements Comparable<OpeningInterval> {

    private static final Pattern TEXT = Pattern.compile("(\\d{2}):(\\d{2})\\s*[-–]\\s*(\\d{2}):(\\d{2})");

    public static final OpeningInterval WHOLE_DAY = new OpeningInterval(0, 24 * 60);

    public OpeningInterval {
        if (fromMinute < 0 || toMinute > 24 * 60 || fromMinute >= toMinute) {
            throw new IllegalArgumentException("an opening interval runs forward within one day (00:00–24:00), not "
                    + format(fromMinute) + "–" + format(toMinute));
        }
    }

    /** Parses {@code "09:00-17:00"} (24:00 allowed as the end). */
    public static OpeningInterval parse(String text) {
        var matcher = TEXT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("an opening interval looks like 09:00-17:00, not '" + text + "'");
        }
        return new OpeningInterval(minutes(matcher.group(1), matcher.group(2)), minutes(matcher.group(3), matcher.group(4)));
    }

    private static int minutes(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            throw new IllegalArgumentException("not a time of day: " + hours + ":" + minutes);
        }
        return h * 60 + m;
    }

    public long lengthMinutes() {
        return toMinute - fromMinute;
    }

    public boolean overlaps(OpeningInterval other) {
        return fromMinute < other.toMinute && other.fromMinute < toMinute;
    }

    @Override
    public int compareTo(OpeningInterval other) {
        return Integer.compare(fromMinute, other.fromMinute);
    }

    @Override
    public String toString() {
        return format(fromMinute) + "–" + format(toMinute);
    }

    private static String format(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }
}
