package io.usher.catalog.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.usher.catalog.InvalidCatalogInput.FieldProblem;
import io.usher.catalog.InvalidSeatingPlan;

/**
 * The compact way to describe a seating plan:
 * {@code {"sections":[{"name":"A","rows":{"from":1,"to":20},"seatsPerRow":30,"accessibleSeats":[1,2]}]}}.
 * Rows are numbered ({@code 1…20}) or lettered ({@code "A"…"K"}); every row of a section has the same seats,
 * numbered from 1, and the listed seat numbers are accessible in every row.
 */
public record PlanDescription(List<SectionDescription> sections) {

    static final int MAX_SECTIONS = 100;
    static final int MAX_ROWS = 200;
    static final int MAX_SEATS_PER_ROW = 500;
    static final int MAX_SEATS = 100_000;

    public record SectionDescription(String name, RowRange rows, Integer seatsPerRow, List<Integer> accessibleSeats) {
    }

    /** Row labels from one to the other, both numbers or both single letters. */
    public record RowRange(String from, String to) {
    }

    /** Expands into sections with new ids, positioned after {@code firstPosition}. */
    List<SeatingPlan.Section> expand(int firstPosition, Set<String> takenNames) {
        var problems = new ArrayList<FieldProblem>();
        var list = sections == null ? List.<SectionDescription>of() : sections;
        if (list.size() > MAX_SECTIONS) {
            throw new InvalidSeatingPlan("sections", "at most " + MAX_SECTIONS + " sections");
        }
        var names = new HashSet<>(takenNames);
        var result = new ArrayList<SeatingPlan.Section>();
        for (int i = 0; i < list.size(); i++) {
            var section = expand(list.get(i), "sections[" + i + "]", firstPosition + i, names, problems);
            if (section != null) {
                result.add(section);
            }
        }
        if (problems.isEmpty() && result.stream().mapToInt(SeatingPlan.Section::seatCount).sum() > MAX_SEATS) {
            problems.add(new FieldProblem("sections", "a plan has at most " + MAX_SEATS + " seats"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSeatingPlan(problems);
        }
        return result;
    }

    static SeatingPlan.Section expand(SectionDescription description, String path, int position, Set<String> names,
            List<FieldProblem> problems) {
        if (description == null) {
            problems.add(new FieldProblem(path, "must not be null"));
            return null;
        }
        int before = problems.size();
        var name = sectionName(description.name(), path + ".name", problems);
        if (name != null && !names.add(name.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(path + ".name", "'" + name + "' is used by another section"));
        }
        var labels = rowLabels(description.rows(), path + ".rows", problems);
        var seats = description.seatsPerRow();
        if (seats == null || seats < 1 || seats > MAX_SEATS_PER_ROW) {
            problems.add(new FieldProblem(path + ".seatsPerRow", "must be 1–" + MAX_SEATS_PER_ROW));
        }
        var accessible = description.accessibleSeats() == null ? List.<Integer>of() : description.accessibleSeats();
        if (seats != null && accessible.stream().anyMatch(n -> n == null || n < 1 || n > seats)) {
            problems.add(new FieldProblem(path + ".accessibleSeats", "must be seat numbers 1–" + seats));
        }
        if (problems.size() > before) {
            return null;
        }
        var rows = new ArrayList<SeatingPlan.Row>();
        for (int r = 0; r < labels.size(); r++) {
            rows.add(row(labels.get(r), r + 1, 1, seats, Set.copyOf(accessible)));
        }
        return new SeatingPlan.Section(UUID.randomUUID(), name, position, rows);
    }

    static SeatingPlan.Row row(String label, int position, int firstNumber, int seats, Set<Integer> accessible) {
        var list = new ArrayList<SeatingPlan.Seat>(seats);
        for (int n = firstNumber; n < firstNumber + seats; n++) {
            list.add(new SeatingPlan.Seat(UUID.randomUUID(), n, Integer.toString(n), accessible.contains(n)));
        }
        return new SeatingPlan.Row(UUID.randomUUID(), label, position, list);
    }

    static String sectionName(String name, String field, List<FieldProblem> problems) {
        if (name == null || name.isBlank() || name.strip().length() > 40) {
            problems.add(new FieldProblem(field, "must be 1–40 characters"));
            return null;
        }
        return name.strip();
    }

    static String rowLabel(String label, String field, List<FieldProblem> problems) {
        if (label == null || label.isBlank() || label.strip().length() > 20) {
            problems.add(new FieldProblem(field, "must be 1–20 characters"));
            return null;
        }
        return label.strip();
    }

    private static List<String> rowLabels(RowRange range, String field, List<FieldProblem> problems) {
        if (range == null || range.from() == null || range.to() == null) {
            problems.add(new FieldProblem(field, "needs from and to, e.g. {\"from\":1,\"to\":20} or {\"from\":\"A\",\"to\":\"K\"}"));
            return List.of();
        }
        var from = range.from().strip();
        var to = range.to().strip();
        var labels = new ArrayList<String>();
        if (from.matches("\\d{1,4}") && to.matches("\\d{1,4}")) {
            int first = Integer.parseInt(from);
            int last = Integer.parseInt(to);
            if (first < 1 || last < first || last - first + 1 > MAX_ROWS) {
                problems.add(new FieldProblem(field, "must run from 1 or more up to at most " + MAX_ROWS + " rows"));
                return List.of();
            }
            for (int n = first; n <= last; n++) {
                labels.add(Integer.toString(n));
            }
        } else if (from.matches("[A-Z]") && to.matches("[A-Z]") || from.matches("[a-z]") && to.matches("[a-z]")) {
            if (to.charAt(0) < from.charAt(0)) {
                problems.add(new FieldProblem(field, "must run forwards, e.g. A to K"));
                return List.of();
            }
            for (char c = from.charAt(0); c <= to.charAt(0); c++) {
                labels.add(Character.toString(c));
            }
        } else {
            problems.add(new FieldProblem(field, "from and to must both be numbers or both single letters"));
        }
        return labels;
    }
}
