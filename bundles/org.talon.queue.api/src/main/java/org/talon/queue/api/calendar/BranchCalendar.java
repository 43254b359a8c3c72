package org.talon.queue.api.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When a branch is open: opening hours per weekday, breaks taken out of them, holidays on which
 * it is closed, and one-off exceptions that replace a day's hours (a short Christmas Eve, an
 * extra Saturday, a day closed for works), all in the branch's time zone.
 *
 * <p>A value: built with {@link #builder()}, read by its accessors.
 */
public final class BranchCalendar {
    private final ZoneId zone;
    private final WeeklyHours hours;
    private final WeeklyHours breaks;
    private final Set<LocalDate> holidays;
    private final Map<LocalDate, List<TimeRange>> exceptions;

    private BranchCalendar(Builder b) {
        this.zone = b.zone == null ? ZoneId.of("UTC") : b.zone;
        this.hours = b.hours == null ? WeeklyHours.NONE : b.hours;
        this.breaks = b.breaks == null ? WeeklyHours.NONE : b.breaks;
        this.holidays = java.util.Collections.unmodifiableSet(new TreeSet<>(b.holidays));
        TreeMap<LocalDate, List<TimeRange>> ex = new TreeMap<>();
        b.exceptions.forEach((d, r) -> ex.put(d, List.copyOf(r)));
        this.exceptions = java.util.Collections.unmodifiableMap(ex);
    }

    /** The time zone its hours are read in. */
    public ZoneId zone() {
        return zone;
    }

    /** The regular opening hours per weekday. */
    public WeeklyHours hours() {
        return hours;
    }

    /** The breaks per weekday, taken out of the opening hours. */
    public WeeklyHours breaks() {
        return breaks;
    }

    /** The days it is closed. */
    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** Days whose hours replace the regular ones (an empty list: closed that day). */
    public Map<LocalDate, List<TimeRange>> exceptions() {
        return exceptions;
    }

    /** Whether any opening hours are set at all. */
    public boolean isSet() {
        return !hours.isEmpty() || exceptions.values().stream().anyMatch(r -> !r.isEmpty());
    }

    /** The hours it is open on a date, in order, breaks taken out; empty on a holiday or a closed day. */
    public List<TimeRange> openOn(LocalDate date) {
        List<TimeRange> exception = exceptions.get(date);
        if (exception != null) return exception;
        if (holidays.contains(date)) return List.of();
        DayOfWeek d = date.getDayOfWeek();
        List<TimeRange> out = new ArrayList<>();
        for (TimeRange open : hours.on(d)) {
            LocalTime from = open.start();
            for (TimeRange br : breaks.on(d)) {
                if (!br.overlaps(new TimeRange(from, open.end()))) continue;
                if (br.start().isAfter(from)) out.add(new TimeRange(from, br.start()));
                from = br.end();
                if (!from.isBefore(open.end())) break;
            }
            if (from.isBefore(open.end())) out.add(new TimeRange(from, open.end()));
        }
        return out;
    }

    /** The date's open hours as moments: see {@link OpenPeriod} for the days the clocks change. */
    public List<OpenPeriod> openPeriods(LocalDate date) {
        List<OpenPeriod> out = new ArrayList<>();
        for (TimeRange r : openOn(date)) {
            ZonedDateTime start = date.atTime(r.start()).atZone(zone);
            ZonedDateTime end = r.end().equals(LocalTime.MAX) ? date.plusDays(1).atStartOfDay(zone) : date.atTime(r.end()).atZone(zone);
            if (end.toInstant().isAfter(start.toInstant())) out.add(new OpenPeriod(start, end));
        }
        return out;
    }

    /** Whether it is open at that moment. */
    public boolean isOpen(Instant t) {
        LocalDate d = t.atZone(zone).toLocalDate();
        for (LocalDate day : List.of(d.minusDays(1), d)) {
            for (OpenPeriod p : openPeriods(day)) {
                if (p.contains(t)) return true;
            }
        }
        return false;
    }

    /** How much open time lies between two moments (business hours), zero when {@code to} is not after {@code from}. */
    public Duration openTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) return Duration.ZERO;
        Duration sum = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate d = from.atZone(zone).toLocalDate().minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            for (OpenPeriod p : openPeriods(d)) {
                Instant s = max(p.start().toInstant(), from);
                Instant e = min(p.end().toInstant(), to);
                if (e.isAfter(s)) sum = sum.plus(Duration.between(s, e));
            }
        }
        return sum;
    }

    /**
     * The moment at which {@code open} time of business hours has passed after {@code from}: a
     * deadline counted in opening hours (a request due in 16 business hours). Zero gives
     * {@code from} itself; a deadline that falls on the end of an open period is that end, not the
     * next opening. Days the clocks change count the hours that really pass.
     *
     * @throws IllegalArgumentException for a negative duration
     * @throws IllegalStateException when the calendar has no open hours in the 3 years after {@code from}
     * @since 1.1
     */
    public Instant plusOpenTime(Instant from, Duration open) {
        if (open.isNegative()) throw new IllegalArgumentException("a negative duration of open time: " + open);
        if (open.isZero()) return from;
        Duration left = open;
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        for (LocalDate d = first; d.isBefore(first.plusYears(3)); d = d.plusDays(1)) {
            for (OpenPeriod p : openPeriods(d)) {
                Instant s = max(p.start().toInstant(), from);
                Instant e = p.end().toInstant();
                if (!e.isAfter(s)) continue;
                Duration here = Duration.between(s, e);
                if (here.compareTo(left) >= 0) return s.plus(left);
                left = left.minus(here);
            }
        }
        throw new IllegalStateException("the calendar has no " + open + " of open time in the 3 years after " + from);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder().zone(zone).hours(hours).breaks(breaks);
        b.holidays.addAll(holidays);
        b.exceptions.putAll(exceptions);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof BranchCalendar c)) return false;
        return zone.equals(c.zone) && hours.equals(c.hours) && breaks.equals(c.breaks) && holidays.equals(c.holidays)
                && exceptions.equals(c.exceptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, hours, breaks, holidays, exceptions);
    }

    @Override
    public String toString() {
        return "BranchCalendar[zone=" + zone + ", hours=" + hours + ", breaks=" + breaks + ", holidays=" + holidays
                + ", exceptions=" + exceptions + "]";
    }

    /** Sets the fields of a {@link BranchCalendar}; {@link #build()} makes it. */
    public static final class Builder {
        private ZoneId zone;
        private WeeklyHours hours;
        private WeeklyHours breaks;
        private final Set<LocalDate> holidays = new TreeSet<>();
        private final Map<LocalDate, List<TimeRange>> exceptions = new TreeMap<>();

        private Builder() {
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder hours(WeeklyHours hours) {
            this.hours = hours;
            return this;
        }

        public Builder breaks(WeeklyHours breaks) {
            this.breaks = breaks;
            return this;
        }

        public Builder holiday(LocalDate date) {
            holidays.add(date);
            return this;
        }

        /** The day's hours instead of the regular ones; none: closed that day. */
        public Builder exception(LocalDate date, List<TimeRange> open) {
            exceptions.put(date, List.copyOf(open));
            return this;
        }

        /**
         * Reads a holiday ({@code 2026-12-25}) or an exception ({@code 2026-12-24 09:00-13:00},
         * {@code 2026-12-31 closed}).
         */
        public Builder day(String entry) {
            String[] parts = entry.strip().split("\\s+");
            LocalDate date;
            try {
                date = LocalDate.parse(parts[0]);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("not a date like 2026-12-24 in '" + entry.strip() + "'", e);
            }
            if (parts.length == 1) return holiday(date);
            if (parts.length == 2 && parts[1].equalsIgnoreCase("closed")) return exception(date, List.of());
            List<TimeRange> r = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) r.add(TimeRange.parse(parts[i]));
            r.sort(java.util.Comparator.comparing(TimeRange::start));
            return exception(date, r);
        }

        public BranchCalendar build() {
            return new BranchCalendar(this);
        }
    }
}
