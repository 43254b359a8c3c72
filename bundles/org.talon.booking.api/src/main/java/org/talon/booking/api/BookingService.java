package org.talon.booking.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.queue.api.Channel;

/**
 * Bookings of every branch: what can be booked, booking, finding a booking by its code and its
 * contact, cancelling, rescheduling, moving it to another staff member, and checking in.
 *
 * <p>Every change is a command on the branch's writer and an event on its log
 * ({@code BookingCreated}, {@code BookingRescheduled}, {@code BookingMoved},
 * {@code BookingCancelled}, {@code BookingCheckedIn}, {@code BookingNoShow}; events carry neither
 * contact data nor the code); a method returns once its change is durable. Refusals are
 * {@link BookingException}s.
 */
@ProviderType
public interface BookingService {

    /** The services that can be booked in a branch. */
    List<BookableService> services(String branch);

    /** The staff members and counters of a branch that serve booked customers. */
    List<Resource> resources(String branch);

    /** The slots of a service on a day (in the branch's zone) inside the booking window, full ones included. */
    List<Slot> slots(String branch, String service, LocalDate date);

    /** The first slot with a free place at or after a moment (inside the booking window), if any. */
    Optional<Slot> firstAvailable(String branch, String service, Instant from);

    /** How much can still be booked on each of {@code days} days from a date. */
    List<DayAvailability> days(String branch, String service, LocalDate from, int days);

    /** Books a slot: the booking with its code, assigned to the least loaded staff member or counter free then. */
    Booking book(BookingRequest request);

    /** A booking by its code, when the contact is the booking's phone number or e-mail address; empty otherwise. */
    Optional<Booking> find(String code, ContactAddress contact);

    /** A booking by its id, for staff. */
    Optional<Booking> booking(String branch, String id);

    /** A booking of the branch by its code, for staff (a customer on the phone, at reception): no contact asked. */
    Optional<Booking> bookingByCode(String branch, String code);

    /** A branch's bookings that start on a day, in order, cancelled ones included, for staff. */
    List<Booking> bookings(String branch, LocalDate date);

    /** Cancels a booking by its code, with its contact as proof. */
    Booking cancel(String code, ContactAddress contact);

    /** Cancels a booking by its id (staff). */
    Booking cancel(String branch, String id, String by);

    /** Moves a booking to another slot of its service, with its contact as proof; its code stays. */
    Booking reschedule(String code, ContactAddress contact, Instant start);

    /** Moves a booking to another staff member or counter free at its time (a manager). */
    Booking move(String branch, String id, String resource, String by);

    /**
     * Checks a customer in by the code, inside the arrival window: issues a ticket with
     * appointment priority, placed in line by the booking's time, in the same commit as the
     * check-in. A booking checked in already gives its ticket again.
     */
    CheckIn checkIn(String branch, String code, Channel channel, String by);

    /** A branch's day for the manager: hours, and each staff member's or counter's work and bookings. */
    Schedule schedule(String branch, LocalDate date);
}
