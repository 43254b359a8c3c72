package org.talon.booking.internal.store;

import java.time.Instant;
import org.talon.booking.api.BookingState;
import org.talon.booking.internal.engine.Bookings;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.event.api.privacy.ContactData;

/**
 * The bookings' contact data for the platform's retention and erasure: bookings in memory are
 * cleared by a command on their branch's writer (so no later write of theirs brings it back),
 * then every row that still has some is cleared in the table.
 */
public final class BookingContacts implements ContactData {
    private final Bookings bookings;
    private final BookingStore store;

    public BookingContacts(Bookings bookings, BookingStore store) {
        this.bookings = bookings;
        this.store = store;
    }

    @Override
    public String name() {
        return "bookings";
    }

    @Override
    public int eraseEndedBefore(Instant cutoff) throws Exception {
        int inMemory = bookings.eraseInMemory(b -> b.state() != BookingState.BOOKED && b.end().toInstant().isBefore(cutoff)
                && (b.name() != null || b.phone() != null || b.email() != null));
        return inMemory + store.eraseContacts("end_at < ? AND state <> ?", BookingStore.micros(cutoff), BookingState.BOOKED.name());
    }

    @Override
    public int erase(ContactAddress contact) throws Exception {
        String v = contact.value();
        int inMemory = bookings.eraseInMemory(b -> v.equals(b.phone()) || v.equals(b.email()));
        return inMemory + store.eraseContacts(contact.kind() == ContactAddress.Kind.PHONE ? "phone = ?" : "email = ?", v);
    }
}
