package org.talon.workflow.internal.store;

import java.time.Instant;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.event.api.privacy.ContactData;
import org.talon.workflow.internal.engine.Requests;

/**
 * The requests' customer data (name, phone, e-mail and the form's values) for the platform's
 * retention and erasure: requests closed before the cutoff are cleared in the table (closed ones
 * are not in memory); a person's erasure clears their open requests by a command on the branch's
 * writer (so no later write brings the data back), then every row.
 */
public final class RequestContacts implements ContactData {
    private final Requests requests;
    private final RequestStore store;

    public RequestContacts(Requests requests, RequestStore store) {
        this.requests = requests;
        this.store = store;
    }

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public int eraseEndedBefore(Instant cutoff) throws Exception {
        return store.eraseContacts("closed_at < ?", RequestStore.micros(cutoff));
    }

    @Override
    public int erase(ContactAddress contact) throws Exception {
        String v = contact.value();
        int inMemory = requests.eraseInMemory(r -> v.equals(r.phone()) || v.equals(r.email()));
        return inMemory + store.eraseContacts(contact.kind() == ContactAddress.Kind.PHONE ? "phone = ?" : "email = ?", v);
    }
}
