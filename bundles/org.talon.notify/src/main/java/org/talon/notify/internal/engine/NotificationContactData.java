package org.talon.notify.internal.engine;

import java.time.Instant;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.event.api.privacy.ContactData;
import org.talon.notify.internal.store.Outbox;

/**
 * The contact data the outbox keeps: a message's recipient, their name and the template's values
 * (a booking code, a name in a calendar entry). Erasing clears them and keeps the message's row
 * (template, state, times), so counts stay as they were; a pending message whose recipient is
 * erased is cancelled.
 */
@Component(service = ContactData.class)
public final class NotificationContactData implements ContactData {
    private static final Logger LOG = Logger.getLogger(NotificationContactData.class.getName());
    private final Outbox outbox;

    @Activate
    public NotificationContactData(@Reference Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public int eraseEndedBefore(Instant cutoff) throws Exception {
        int n = outbox.db().inTransaction(c -> outbox.eraseEndedBefore(c, Outbox.micros(cutoff)));
        if (n > 0) LOG.info("Erased the contact data of " + n + " notification(s) sent, failed or cancelled before " + cutoff);
        return n;
    }

    @Override
    public int erase(ContactAddress contact) throws Exception {
        if (contact == null) throw new IllegalArgumentException("no contact");
        int n = outbox.db().inTransaction(c -> outbox.erase(c, contact, "cancelled: the recipient's contact data was erased"));
        if (n > 0) LOG.info("Erased the contact data of " + n + " notification(s) to " + contact.masked());
        return n;
    }
}
