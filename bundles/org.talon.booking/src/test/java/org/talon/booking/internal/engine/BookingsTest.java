package org.talon.booking.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.booking.api.Booking;
import org.talon.booking.api.BookingException;
import org.talon.booking.api.BookingException.Reason;
import org.talon.booking.api.BookingRequest;
import org.talon.booking.api.BookingState;
import org.talon.booking.api.CheckIn;
import org.talon.booking.api.Slot;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.queue.api.Channel;
import org.talon.queue.api.PriorityClass;

class BookingsTest {
    /** Monday 2026-12-07, 08:00 in Warsaw. */
    static final Instant NOW = ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0, Fixture.WARSAW).toInstant();
    static final LocalDate TOMORROW = LocalDate.of(2026, 12, 8);
    static final Settings RULES = new Settings(Duration.ofHours(1), 60, 3, Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ZERO);
    private Fixture f;

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    private Fixture twoStaff() {
        f = new Fixture(NOW, RULES, Fixture.everyDay("08:00-18:00", "2026-12-25", "2026-12-24 08:00-12:00"),
                List.of(Fixture.staff("anna"), Fixture.staff("piotr", "MON-SUN 12:00-18:00")), 0);
        return f;
    }

    static Instant at(LocalDate d, int h, int m) {
        return d.atTime(h, m).atZone(Fixture.WARSAW).toInstant();
    }

    static BookingRequest request(Instant start, String phone) {
        return BookingRequest.builder().branch("b1").service("A").start(start).name("Anna Nowak").phone(phone).language("pl").build();
    }

    static Reason reason(Runnable r) {
        return assertThrows(BookingException.class, r::run).reason();
    }

    @Test
    void aDaysSlotsFollowTheOpeningHoursWithTheCapacityOfWhoWorksThen() {
        twoStaff();
        List<Slot> slots = f.bookings.slots("b1", "A", TOMORROW);
        assertEquals(40, slots.size(), "08:00 to 18:00 at 15 minutes");
        assertEquals("2026-12-08T08:00+01:00[Europe/Warsaw]", slots.get(0).start().toString());
        assertEquals(1, slots.get(0).capacity(), "only anna works in the morning");
        assertEquals(2, slots.get(16).capacity(), "both from 12:00");
        assertEquals(List.of(), f.bookings.slots("b1", "A", LocalDate.of(2026, 12, 25)), "a holiday");
        assertEquals(16, f.bookings.slots("b1", "A", LocalDate.of(2026, 12, 24)).size(), "a short day: 08:00-12:00");
    }

    @Test
    void theBookingWindowLeavesOutWhatIsTooSoonOrTooFarAheadAndRefusesBookingIt() {
        twoStaff();
        List<Slot> today = f.bookings.slots("b1", "A", LocalDate.of(2026, 12, 7));
        assertEquals("2026-12-07T09:00+01:00[Europe/Warsaw]", today.get(0).start().toString(), "one hour ahead at the soonest");
        assertEquals(Reason.OUTSIDE_WINDOW, reason(() -> f.bookings.book(request(at(LocalDate.of(2026, 12, 7), 8, 45), "+48600100200"))));
        assertEquals(40, f.bookings.slots("b1", "A", LocalDate.of(2027, 2, 5)).size(), "60 days ahead");
        assertEquals(List.of(), f.bookings.slots("b1", "A", LocalDate.of(2027, 2, 6)));
        assertEquals(Reason.OUTSIDE_WINDOW, reason(() -> f.bookings.book(request(at(LocalDate.of(2027, 2, 6), 10, 0), "+48600100200"))));
        assertEquals(Reason.NOT_A_SLOT, reason(() -> f.bookings.book(request(at(TOMORROW, 10, 5), "+48600100200"))));
        assertEquals(List.of(), f.log.types(), "nothing refused is an event");
    }

    @Test
    void aSlotTakesAsManyAsWorkThenAndTheNextIsRefusedAsFull() {
        twoStaff();
        Instant noon = at(TOMORROW, 12, 0);
        Booking a = f.bookings.book(request(noon, "+48600100201"));
        Booking b = f.bookings.book(request(noon, "+48600100202"));
        assertNotEquals(a.resource(), b.resource(), "two people at one time go to two staff members");
        assertEquals(Reason.SLOT_FULL, reason(() -> f.bookings.book(request(noon, "+48600100203"))));
        Slot s = f.bookings.slots("b1", "A", TOMORROW).stream().filter(x -> x.start().toInstant().equals(noon)).findFirst().orElseThrow();
        assertEquals(2, s.capacity());
        assertEquals(0, s.available());
        assertEquals(List.of("BookingCreated", "BookingCreated"), f.log.types());
        assertTrue(f.log.events.get(0).payload().contains("\"service\":\"A\""));
        assertTrue(f.log.events.stream().noneMatch(e -> e.payload().contains("600100") || e.payload().contains(a.code())),
                "events carry neither contact data nor the code");
    }

    @Test
    void aNewBookingGoesToTheLeastLoadedStaffMemberFreeThen() {
        twoStaff();
        f.bookings.book(request(at(TOMORROW, 12, 0), "+48600100201"));
        f.bookings.book(request(at(TOMORROW, 12, 15), "+48600100202"));
        // both at 12:00 and 12:15 went to whoever had fewer: one each
        List<Booking> day = f.bookings.bookings("b1", TOMORROW);
        assertNotEquals(day.get(0).resource(), day.get(1).resource());
    }

    @Test
    void aCodeIsSixUnmistakableCharactersAndReadsNothingWithoutItsContact() {
        twoStaff();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Booking b = f.bookings.book(request(at(TOMORROW, 12, 0).plus(Duration.ofMinutes(15L * i)), "+4860010" + (1000 + i)));
            assertTrue(b.code().matches("[" + Codes.ALPHABET + "]{6}"), b.code());
            codes.add(b.code());
            assertEquals(b, f.bookings.find(b.code().toLowerCase(), ContactAddress.parse("+48 60010" + (1000 + i))).orElseThrow());
            assertTrue(f.bookings.find(b.code(), ContactAddress.parse("+48600999999")).isEmpty());
        }
        assertEquals(20, codes.size());
    }

    @Test
    void oneContactHoldsAtMostTheBranchsLimitOfBookingsToCome() {
        twoStaff();
        for (int i = 0; i < 3; i++) f.bookings.book(request(at(TOMORROW, 9, 0).plus(Duration.ofHours(i)), "+48600100200"));
        assertEquals(Reason.LIMIT_REACHED, reason(() -> f.bookings.book(request(at(TOMORROW, 14, 0), "+48 600-100-200"))));
        Booking b = f.bookings.bookings("b1", TOMORROW).get(0);
        f.bookings.cancel(b.code(), ContactAddress.parse("+48600100200"));
        f.bookings.book(request(at(TOMORROW, 14, 0), "+48600100200"));
    }

    @Test
    void badContactsAreRefusedSayingWhatIsWrong() {
        twoStaff();
        BookingException e = assertThrows(BookingException.class, () -> f.bookings.book(request(at(TOMORROW, 12, 0), "12ab")));
        assertEquals(Reason.INVALID, e.reason());
        assertEquals("This is not a phone number: 12ab. Write 6 to 15 digits, optionally after +.", e.getMessage());
        assertEquals(Reason.INVALID, reason(() -> f.bookings.book(request(at(TOMORROW, 12, 0), null))));
        assertEquals(Reason.INVALID, reason(() -> f.bookings.book(request(at(TOMORROW, 12, 0), "+48600100200").toBuilder().name(" ").build())));
        assertEquals(Reason.NOT_FOUND, reason(() -> f.bookings.book(request(at(TOMORROW, 12, 0), "+48600100200").toBuilder().service("Z").build())));
    }

    @Test
    void checkInIsOpenFromFifteenMinutesBeforeToTenAfterAndGivesAnAppointmentTicketPlacedByItsTime() {
        twoStaff();
        Instant start = at(TOMORROW, 12, 0);
        Booking b = f.bookings.book(request(start, "+48600100200"));
        f.clock.now = start.minus(Duration.ofMinutes(15)).minusSeconds(1);
        BookingException early = assertThrows(BookingException.class, () -> f.bookings.checkIn("b1", b.code(), Channel.KIOSK, "kiosk-1"));
        assertEquals(Reason.TOO_EARLY, early.reason());
        assertEquals("Your booking is at 12:00. You are early: check in from 11:45, or take a ticket now.", early.getMessage());
        f.clock.now = start.minus(Duration.ofMinutes(15));
        CheckIn c = f.bookings.checkIn("b1", b.code(), Channel.KIOSK, "kiosk-1");
        assertEquals(BookingState.CHECKED_IN, c.booking().state());
        assertEquals(PriorityClass.APPOINTMENT, f.issued.get(0).priority());
        assertEquals(start, f.issued.get(0).appointmentAt());
        assertEquals("+48600100200", f.issued.get(0).contact());
        assertEquals(c.ticket().number(), c.booking().ticketNumber());
        assertEquals(c.ticket(), f.bookings.checkIn("b1", b.code(), Channel.KIOSK, "kiosk-1").ticket(), "a second press gives the same ticket");
        assertEquals(1, f.issued.size());
        assertEquals(List.of("BookingCreated", "TicketIssued", "BookingCheckedIn"), f.log.types());

        Booking late = f.bookings.book(request(at(TOMORROW, 13, 0), "+48600100201"));
        f.clock.now = at(TOMORROW, 13, 10);
        assertEquals(BookingState.CHECKED_IN, f.bookings.checkIn("b1", late.code(), Channel.RECEPTION, "reception").booking().state(),
                "ten minutes after is still in time");
        Booking later = f.bookings.book(request(at(TOMORROW, 14, 30), "+48600100202"));
        f.clock.now = at(TOMORROW, 14, 40).plusSeconds(1);
        BookingException tooLate = assertThrows(BookingException.class, () -> f.bookings.checkIn("b1", later.code(), Channel.KIOSK, "k"));
        assertEquals(Reason.TOO_LATE, tooLate.reason());
        assertEquals("Your booking at 14:30 has passed. Please take a ticket, or book a new time.", tooLate.getMessage());
        f.clock.now = at(TOMORROW.plusDays(1), 7, 0);
        Booking nextDay = f.bookings.book(request(at(TOMORROW.plusDays(2), 9, 0), "+48600100203"));
        assertEquals("Your booking is at 2026-12-10 09:00. You are early: check in from 2026-12-10 08:45, or take a ticket now.",
                assertThrows(BookingException.class, () -> f.bookings.checkIn("b1", nextDay.code(), Channel.KIOSK, "k")).getMessage(),
                "another day's booking says its date");
        assertEquals(Reason.NOT_FOUND, reason(() -> f.bookings.checkIn("b1", "AAAAAA", Channel.KIOSK, "k")));
    }

    @Test
    void aBookingNotCheckedInByTheEndOfItsWindowIsCancelledAsANoShowAndItsSlotFreed() {
        twoStaff();
        Instant start = at(TOMORROW, 9, 0);
        Booking b = f.bookings.book(request(start, "+48600100200"));
        Booking other = f.bookings.book(request(at(TOMORROW, 10, 0), "+48600100201"));
        f.clock.now = start.plus(Duration.ofMinutes(10));
        assertEquals(0, f.bookings.sweep(), "the window is still open at its last minute");
        f.clock.now = start.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertEquals(1, f.bookings.sweep());
        assertEquals(BookingState.NO_SHOW, f.bookings.booking("b1", b.id()).orElseThrow().state());
        assertEquals(BookingState.BOOKED, f.bookings.booking("b1", other.id()).orElseThrow().state());
        assertTrue(f.log.types().contains("BookingNoShow"));
        assertEquals(0, f.bookings.sweep(), "once");
        assertEquals(Reason.NOT_ACTIVE, reason(() -> f.bookings.checkIn("b1", b.code(), Channel.KIOSK, "k")));
        // its staff member is free again for the rest of that time
        assertTrue(f.bookings.schedule("b1", TOMORROW).resources().stream().filter(r -> r.resource().id().equals(b.resource()))
                .findFirst().orElseThrow().bookings().stream().anyMatch(x -> x.state() == BookingState.NO_SHOW));
    }

    @Test
    void aRescheduleKeepsTheCodeAndAMoveGoesOnlyToWhoIsFreeAndServesIt() {
        twoStaff();
        Booking b = f.bookings.book(request(at(TOMORROW, 12, 0), "+48600100200"));
        Booking r = f.bookings.reschedule(b.code(), ContactAddress.parse("+48600100200"), at(TOMORROW, 13, 0));
        assertEquals(b.code(), r.code());
        assertEquals(at(TOMORROW, 13, 0), r.start().toInstant());
        assertEquals(1, r.version());
        Booking other = f.bookings.book(request(at(TOMORROW, 13, 0), "+48600100201"));
        assertEquals(Reason.RESOURCE_BUSY, reason(() -> f.bookings.move("b1", r.id(), other.resource(), "manager")));
        Booking morning = f.bookings.book(request(at(TOMORROW, 9, 0), "+48600100202"));
        assertEquals("anna", morning.resource());
        assertEquals(Reason.RESOURCE_BUSY, reason(() -> f.bookings.move("b1", morning.id(), "piotr", "manager")), "piotr starts at 12:00");
        f.bookings.cancel("b1", other.id(), "manager");
        assertEquals(other.resource(), f.bookings.move("b1", r.id(), other.resource(), "manager").resource());
        assertEquals(Reason.NOT_FOUND, reason(() -> f.bookings.move("b1", r.id(), "nobody", "manager")));
        assertTrue(f.log.types().contains("BookingMoved") && f.log.types().contains("BookingRescheduled"));
    }

    @Test
    void aFailedCommitForgetsTheBookingAndItsCode() {
        twoStaff();
        Instant nine = at(TOMORROW, 9, 0);
        f.log.failNextCommit = true;
        assertEquals(Reason.UNAVAILABLE, reason(() -> f.bookings.book(request(nine, "+48600100200"))));
        assertEquals(1, f.bookings.slots("b1", "A", TOMORROW).get(4).available(), "the slot is free again");
        assertEquals(List.of(), f.bookings.bookings("b1", TOMORROW));
        f.bookings.book(request(nine, "+48600100200"));
    }

    @Test
    void twoHundredAskingAtOnceForTheLastTwoPlacesLeaveExactlyTwoBookings() throws Exception {
        twoStaff();
        Instant noon = at(TOMORROW, 12, 0);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reason>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String phone = "+4860020" + (1000 + i);
            results.add(pool.submit(() -> {
                go.await();
                try {
                    f.bookings.book(request(noon, phone));
                    return null;
                } catch (BookingException e) {
                    return e.reason();
                }
            }));
        }
        go.countDown();
        int ok = 0;
        for (Future<Reason> r : results) {
            Reason x = r.get();
            if (x == null) ok++;
            else assertEquals(Reason.SLOT_FULL, x);
        }
        pool.shutdown();
        assertEquals(2, ok);
        assertEquals(2, f.bookings.bookings("b1", TOMORROW).size());
        assertEquals(2, f.stored.size());
    }

    @Test
    void aServiceBookedBySeatsTakesAsManyAsItHasSeats() {
        f = new Fixture(NOW, RULES, Fixture.everyDay("08:00-18:00"), List.of(), 3);
        Instant nine = at(TOMORROW, 9, 0);
        for (int i = 0; i < 3; i++) f.bookings.book(request(nine, "+4860030" + (1000 + i)));
        assertEquals(Reason.SLOT_FULL, reason(() -> f.bookings.book(request(nine, "+48600309999"))));
        assertEquals(3, f.bookings.slots("b1", "A", TOMORROW).get(4).capacity());
    }

    @Test
    void slotsOnTheDaysTheClocksChangeInWarsawAreAsManyAsTheNightIsLong() {
        Settings anyTime = new Settings(Duration.ZERO, 400, 3, Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ZERO);
        f = new Fixture(NOW, anyTime, Fixture.everyDay("00:00-06:00"), List.of(Fixture.staff("anna")), 0);
        assertEquals(24, f.bookings.slots("b1", "A", LocalDate.of(2026, 12, 9)).size(), "six hours");
        List<Slot> spring = f.bookings.slots("b1", "A", LocalDate.of(2027, 3, 28));
        assertEquals(20, spring.size(), "five hours: 02:00-03:00 does not exist");
        assertTrue(spring.stream().noneMatch(s -> s.start().getHour() == 2));
        List<Slot> autumn = f.bookings.slots("b1", "A", LocalDate.of(2027, 10, 31));
        assertEquals(28, autumn.size(), "2027-10-31: seven hours, 02:00-03:00 twice");
        assertEquals(8, autumn.stream().filter(s -> s.start().getHour() == 2).count());
        assertEquals(28, autumn.stream().map(s -> s.start().toInstant()).distinct().count(), "each a moment of its own");
        // a booking at the second 02:30 is a booking at that moment, not at the first
        Slot second = autumn.stream().filter(s -> s.start().getHour() == 2 && s.start().getMinute() == 30).toList().get(1);
        Booking b = f.bookings.book(request(second.start().toInstant(), "+48600100200"));
        assertEquals("+01:00", b.start().getOffset().toString());
    }

    @Test
    void erasingAPersonsContactClearsItInMemoryAndInTheRowsAndKeepsTheBooking() {
        twoStaff();
        Booking b = f.bookings.book(request(at(TOMORROW, 12, 0), "+48600100200"));
        Booking other = f.bookings.book(request(at(TOMORROW, 12, 0), "+48600100201"));
        int rows = f.log.rows.size();
        assertEquals(1, f.bookings.eraseInMemory(x -> "+48600100200".equals(x.phone())));
        Booking erased = f.bookings.booking("b1", b.id()).orElseThrow();
        assertEquals(null, erased.phone());
        assertEquals(null, erased.name());
        assertEquals(BookingState.BOOKED, erased.state(), "the booking stays, and holds its place");
        assertTrue(f.bookings.find(b.code(), ContactAddress.parse("+48600100200")).isEmpty(), "its contact no longer finds it");
        assertEquals(other, f.bookings.find(other.code(), ContactAddress.parse("+48600100201")).orElseThrow());
        assertEquals(rows + 1, f.log.rows.size(), "its row is written again without the contact");
        assertEquals(null, f.stored.get(b.id()).phone());
        assertEquals(0, f.bookings.slots("b1", "A", TOMORROW).get(16).available());
    }
}
