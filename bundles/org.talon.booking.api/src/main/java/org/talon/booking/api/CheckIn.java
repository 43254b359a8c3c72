package org.talon.booking.api;

import org.talon.queue.api.Ticket;

/**
 * What a check-in gives: the booking, now {@link BookingState#CHECKED_IN}, and the customer's ticket.
 *
 * @param booking the booking
 * @param ticket  the ticket, with appointment priority, placed in line by the booking's time
 */
public record CheckIn(Booking booking, Ticket ticket) {
}
