package org.talon.queue.api.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hours per weekday, e.g. a branch's opening hours or a staff member's working hours, written as
 * entries like {@code MON-FRI 09:00-13:00 14:00-18:00} or {@code SAT 10:00-14:00} (days as
 * {@code MON}..{@code SUN}, a single day or a range, then one or more time ranges). The ranges of
 * a day are kept in order and must not overlap.
 */
public final class WeeklyHours {
    /** No hours on any day. */
    public static final WeeklyHours NONE = new WeeklyHours(new EnumMap<>(DayOfWeek.class));

    private final Map<DayOfWeek, List<TimeRange>> days;

    private WeeklyHours(Map<DayOfWeek, List<TimeRange>> days) {
        EnumMap<DayOfWeek, List<TimeRange>> m = new EnumMap<>(DayOfWeek.class);
        days.forEach((d, r) -> m.put(d, List.copyOf(r)));
        this.days = m;
    }

    /** The hours of each weekday, as given. */
    public static WeeklyHours of(Map<DayOfWeek, List<TimeRange>> days) {
        EnumMap<DayOfWeek, List<TimeRange>> m = new EnumMap<>(DayOfWeek.class);
        days.forEach((d, r) -> m.put(d, sorted(d, r)));
        return new WeeklyHours(m);
    }

    /**
     * Reads entries like {@code MON-FRI 09:00-18:00}; a day named in two entries gets the ranges
     * of both.
     *
     * @throws IllegalArgumentException naming the entry that is not understood, or the day whose ranges overlap
     */
    public static WeeklyHours parse(Collection<String> entries) {
        EnumMap<DayOfWeek, List<TimeRange>> m = new EnumMap<>(DayOfWeek.class);
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) continue;
            String[] parts = entry.strip().split("\\s+");
            if (parts.length < 2) throw new IllegalArgumentException("not hours like 'MON-FRI 09:00-18:00': '" + entry.strip() + "'");
            List<DayOfWeek> ds = days(parts[0], entry);
            for (int i = 1; i < parts.length; i++) {
                TimeRange r = TimeRange.parse(parts[i]);
                for (DayOfWeek d : ds) m.computeIfAbsent(d, x -> new ArrayList<>()).add(r);
            }
        }
        m.replaceAll(WeeklyHours::sorted);
        return new WeeklyHours(m);
    }

    private static List<DayOfWeek> days(String spec, String entry) {
        String s = spec.toUpperCase(Locale.ROOT);
        int dash = s.indexOf('-');
        DayOfWeek from = day(dash < 0 ? s : s.substring(0, dash), entry);
        DayOfWeek to = dash < 0 ? from : day(s.substring(dash + 1), entry);
        List<DayOfWeek> out = new ArrayList<>();
        for (DayOfWeek d = from; ; d = d.plus(1)) {
            out.add(d);
            if (d == to) break;
        }
        return out;
    }

    private static DayOfWeek day(String abbreviation, String entry) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation) && abbreviation.length() >= 2) return d;
        }
        throw new IllegalArgumentException("not a day (MON, TUE, WED, THU, FRI, SAT, SUN) in '" + entry.strip() + "': " + abbreviation);
    }

    private static List<TimeRange> sorted(DayOfWeek d, List<TimeRange> ranges) {
        List<TimeRange> r = new ArrayList<>(ranges);
        r.sort(Comparator.comparing(TimeRange::start));
        for (int i = 1; i < r.size(); i++) {
            if (r.get(i - 1).overlaps(r.get(i))) {
                throw new IllegalArgumentException("hours of " + d + " overlap: " + r.get(i - 1) + " and " + r.get(i));
            }
        }
        return List.copyOf(r);
    }

    /** The ranges of a weekday in order, empty when it has none. */
    public List<TimeRange> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /** Whether no day has hours. */
    public boolean isEmpty() {
        return days.values().stream().allMatch(List::isEmpty);
    }

    /** Whether the whole of a range lies inside one range of that weekday. */
    public boolean covers(DayOfWeek day, LocalTime start, LocalTime end) {
        for (TimeRange r : on(day)) {
            if (!r.start().isAfter(start) && !r.end().isBefore(end)) return true;
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklyHours w && w.days.equals(days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    /** The entries, one per day that has hours, e.g. {@code [MONDAY 09:00-18:00, ...]}. */
    @Override
    public String toString() {
        List<String> out = new ArrayList<>();
        days.forEach((d, r) -> {
            if (!r.isEmpty()) out.add(d + " " + String.join(" ", r.stream().map(TimeRange::toString).toList()));
        });
        return out.toString();
    }
}
