package org.talon.queue.api.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BranchCalendarTest {
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    static BranchCalendar calendar(String... days) {
        BranchCalendar.Builder b = BranchCalendar.builder().zone(WARSAW)
                .hours(WeeklyHours.parse(List.of("MON-FRI 09:00-18:00", "SAT 10:00-14:00")))
                .breaks(WeeklyHours.parse(List.of("MON-FRI 13:00-13:30")));
        for (String d : days) b.day(d);
        return b.build();
    }

    @Test
    void aWeekdayIsOpenAroundItsBreakAndSundayIsClosed() {
        BranchCalendar c = calendar();
        assertEquals(List.of(TimeRange.parse("09:00-13:00"), TimeRange.parse("13:30-18:00")), c.openOn(LocalDate.of(2026, 12, 7)));
        assertEquals(List.of(TimeRange.parse("10:00-14:00")), c.openOn(LocalDate.of(2026, 12, 12)));
        assertEquals(List.of(), c.openOn(LocalDate.of(2026, 12, 13)));
    }

    @Test
    void aHolidayIsClosedAndAnExceptionReplacesTheDaysHours() {
        BranchCalendar c = calendar("2026-12-25", "2026-12-24 09:00-13:00", "2026-12-31 closed", "2026-12-27 10:00-12:00");
        assertEquals(List.of(), c.openOn(LocalDate.of(2026, 12, 25)));
        assertEquals(List.of(TimeRange.parse("09:00-13:00")), c.openOn(LocalDate.of(2026, 12, 24)));
        assertEquals(List.of(), c.openOn(LocalDate.of(2026, 12, 31)));
        assertEquals(List.of(TimeRange.parse("10:00-12:00")), c.openOn(LocalDate.of(2026, 12, 27)), "an extra Sunday");
    }

    @Test
    void openPeriodsOnTheDaysTheClocksChangeAreAsLongAsTheClocksSay() {
        BranchCalendar night = BranchCalendar.builder().zone(WARSAW).hours(WeeklyHours.parse(List.of("MON-SUN 00:00-06:00"))).build();
        assertEquals(Duration.ofHours(5), night.openPeriods(LocalDate.of(2027, 3, 28)).get(0).length(), "spring forward: 02:00 becomes 03:00");
        assertEquals(Duration.ofHours(7), night.openPeriods(LocalDate.of(2026, 10, 25)).get(0).length(), "fall back: 03:00 becomes 02:00");
        assertEquals(Duration.ofHours(6), night.openPeriods(LocalDate.of(2026, 10, 26)).get(0).length());
        BranchCalendar day = calendar();
        OpenPeriod p = day.openPeriods(LocalDate.of(2027, 3, 29)).get(0);
        assertEquals("2027-03-29T09:00+02:00[Europe/Warsaw]", p.start().toString());
    }

    @Test
    void businessTimeCountsOnlyOpenHours() {
        BranchCalendar c = calendar("2026-12-25");
        // Thursday 17:00 to Monday 10:00 over a holiday Friday and a Saturday: 1 h + 4 h + 1 h
        Instant from = LocalDate.of(2026, 12, 24).atTime(17, 0).atZone(WARSAW).toInstant();
        Instant to = LocalDate.of(2026, 12, 28).atTime(10, 0).atZone(WARSAW).toInstant();
        assertEquals(Duration.ofHours(6), c.openTimeBetween(from, to));
        assertTrue(c.isOpen(LocalDate.of(2026, 12, 28).atTime(9, 30).atZone(WARSAW).toInstant()));
        assertFalse(c.isOpen(LocalDate.of(2026, 12, 28).atTime(13, 10).atZone(WARSAW).toInstant()), "the break");
    }

    @Test
    void hoursThatCannotBeReadAreRefusedNamingTheEntry() {
        assertEquals("not a day (MON, TUE, WED, THU, FRI, SAT, SUN) in 'MOX 09:00-10:00': MOX",
                assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse(List.of("MOX 09:00-10:00"))).getMessage());
        assertEquals("hours of MONDAY overlap: 09:00-12:00 and 11:00-13:00",
                assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse(List.of("MON 09:00-12:00 11:00-13:00"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("18:00-09:00"));
        assertThrows(IllegalArgumentException.class, () -> BranchCalendar.builder().day("24.12.2026"));
        assertEquals(LocalTime.MAX, TimeRange.parse("20:00-24:00").end());
    }
}
