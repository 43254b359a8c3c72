package org.talon.queue.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talon.queue.api.IssueRequest;

class NumberingTest {
    static Instant warsaw(String local) {
        return java.time.LocalDateTime.parse(local).atZone(Fixtures.WARSAW).toInstant();
    }

    /** Issues a ticket and cancels it, so that it holds no number (see the held-number tests). */
    static String issue(BranchState s, String service, Instant at) {
        LiveTicket t = s.issue(IssueRequest.of("demo", service), at);
        s.cancel(t.number, at);
        return t.number;
    }

    static String keep(BranchState s, String service, Instant at) {
        return s.issue(IssueRequest.of("demo", service), at).number;
    }

    @Test
    void afterMidnightANumberStillHeldByAnEarlierDaysTicketIsSkipped() {
        BranchState s = Fixtures.simple();
        assertEquals("A001", keep(s, "A", warsaw("2026-11-23T23:58:00")));
        assertEquals("A002", issue(s, "A", warsaw("2026-11-23T23:59:00")));
        assertEquals("A003", keep(s, "A", warsaw("2026-11-23T23:59:30")));
        // A001 and A003 still wait from yesterday; A002 was cancelled, so its number is free again
        assertEquals(List.of("A002", "A004", "A005"), List.of(keep(s, "A", warsaw("2026-11-24T00:00:10")),
                keep(s, "A", warsaw("2026-11-24T00:00:20")), keep(s, "A", warsaw("2026-11-24T00:00:30"))));
        assertEquals("B001", keep(s, "B", warsaw("2026-11-24T00:01:00")));
        // once yesterday's A001 is gone, its number is given again
        s.cancel("A001", warsaw("2026-11-24T00:02:00"));
        assertEquals("A006", keep(s, "A", warsaw("2026-11-24T00:03:00")), "numbers go on upwards first");
    }

    @Test
    void numbersCountPerPrefix() {
        BranchState s = Fixtures.simple();
        Instant t = warsaw("2026-11-23T09:00:00");
        assertEquals(List.of("A001", "A002", "B001", "A003", "C001"),
                List.of(issue(s, "A", t), issue(s, "A", t), issue(s, "B", t), issue(s, "A", t), issue(s, "C", t)));
    }

    @Test
    void numbersRestartAtMidnightInTheBranchTimeZoneNotUtc() {
        BranchState s = Fixtures.simple();
        assertEquals("A001", issue(s, "A", warsaw("2026-11-23T23:58:00")));
        assertEquals("A002", issue(s, "A", warsaw("2026-11-23T23:59:59")));
        // 00:30 in Warsaw is still 23:30 UTC of the previous day: the number restarts anyway.
        assertEquals("A001", issue(s, "A", warsaw("2026-11-24T00:30:00")));
        assertEquals("B001", issue(s, "B", warsaw("2026-11-24T00:31:00")));
        assertEquals("A002", issue(s, "A", warsaw("2026-11-24T00:32:00")));
    }

    @Test
    void springForwardDayKeepsCountingAndRestartsOnlyAtMidnight() {
        // 2026-03-29: clocks jump 02:00 -> 03:00 in Warsaw (a 23-hour day).
        BranchState s = Fixtures.simple();
        Instant before = warsaw("2026-03-29T01:59:00");
        Instant after = before.plus(Duration.ofMinutes(2)); // 03:01 local
        assertEquals("03:01", ZonedDateTime.ofInstant(after, Fixtures.WARSAW).toLocalTime().toString());
        assertEquals("A001", issue(s, "A", warsaw("2026-03-29T00:00:00")));
        assertEquals("A002", issue(s, "A", before));
        assertEquals("A003", issue(s, "A", after));
        assertEquals("A004", issue(s, "A", warsaw("2026-03-29T23:59:59")));
        assertEquals("A001", issue(s, "A", warsaw("2026-03-30T00:00:00")));
    }

    @Test
    void fallBackDayDoesNotRestartWhenTheHourRepeats() {
        // 2026-10-25: clocks go back 03:00 -> 02:00 in Warsaw (a 25-hour day); 02:30 happens twice.
        BranchState s = Fixtures.simple();
        ZonedDateTime firstHalfPast2 = ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, Fixtures.WARSAW).withEarlierOffsetAtOverlap();
        ZonedDateTime secondHalfPast2 = firstHalfPast2.withLaterOffsetAtOverlap();
        assertEquals(Duration.ofHours(1), Duration.between(firstHalfPast2, secondHalfPast2));
        assertEquals("A001", issue(s, "A", warsaw("2026-10-25T00:10:00")));
        assertEquals("A002", issue(s, "A", firstHalfPast2.toInstant()));
        assertEquals("A003", issue(s, "A", secondHalfPast2.toInstant()));
        assertEquals("A004", issue(s, "A", warsaw("2026-10-25T23:59:00")));
        assertEquals("A001", issue(s, "A", warsaw("2026-10-26T00:00:01")));
    }

    @Test
    void aDayOfTicketsIsNumberedWithoutGapsOrRepeatsAcrossBothDstChanges() {
        for (String date : new String[] {"2026-03-29", "2026-10-25", "2026-11-23"}) {
            BranchState s = Fixtures.simple();
            LocalDate day = LocalDate.parse(date);
            Instant start = day.atStartOfDay(Fixtures.WARSAW).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(Fixtures.WARSAW).toInstant();
            List<String> numbers = new ArrayList<>();
            for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(10))) numbers.add(issue(s, "A", t));
            long minutes = Duration.between(start, end).toMinutes();
            assertEquals(minutes / 10, numbers.size(), date);
            for (int i = 0; i < numbers.size(); i++) assertEquals(Numbering.format("A", i + 1), numbers.get(i), date);
            assertEquals("A001", issue(s, "A", end), "restart at the next midnight of " + date);
        }
    }

    @Test
    void restoredNumbersContinueTheDay() {
        BranchState s = Fixtures.simple();
        Instant t = warsaw("2026-11-23T10:00:00");
        s.restoreNumber(LocalDate.parse("2026-11-23"), "A", 41);
        s.restoreNumber(LocalDate.parse("2026-11-22"), "B", 99);
        assertEquals("A042", issue(s, "A", t));
        assertEquals("B001", issue(s, "B", t), "yesterday's numbers do not count today");
    }

    @Test
    void numbersAboveNineHundredNinetyNineGrow() {
        assertEquals("A999", Numbering.format("A", 999));
        assertEquals("A1000", Numbering.format("A", 1000));
    }
}
