package org.talon.event.api.privacy;

import java.time.Instant;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A domain's store of contact data, registered as a service by the domain that keeps it (tickets,
 * bookings, notifications). Erasing clears the contact fields of a record and keeps the record
 * itself, so counts and statistics stay as they were.
 */
@ConsumerType
public interface ContactData {

    /** What it holds, in the log and on the console, e.g. {@code bookings}. */
    String name();

    /**
     * Erases the contact data of the records whose business ended before the cutoff (a ticket
     * finished, a booking past, a message sent or given up); records still active keep theirs.
     *
     * @return how many records had contact data erased
     */
    int eraseEndedBefore(Instant cutoff) throws Exception;

    /**
     * Erases every contact data of one person at once, active records included (a
     * right-to-be-forgotten request).
     *
     * @param contact the person's address, as {@link ContactAddress#parse} reads it
     * @return how many records had contact data erased
     */
    int erase(ContactAddress contact) throws Exception;
}
