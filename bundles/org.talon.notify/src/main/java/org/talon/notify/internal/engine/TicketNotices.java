package org.talon.notify.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.DurableSubscriber;
import org.talon.event.api.EventListener;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.Notification;
import org.talon.notify.internal.store.Outbox;
import org.talon.queue.api.Branch;
import org.talon.queue.api.Counter;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TicketState;
import org.talon.queue.api.event.QueueEvents;

/**
 * Tells customers whose ticket has a contact (a phone number or an e-mail address) that their turn
 * is near ({@code ticket.near}, once, when the ticket is {@code nearPosition} or fewer in line) and
 * that a counter calls them ({@code ticket.called}). A durable subscriber ({@value #NAME}) of the
 * queue's ticket events: a message is stored in the same transaction as the subscriber's position,
 * so each is enqueued once, and a handled event that comes again (at least once) finds its message
 * there (by its origin, or for {@code ticket.near} by its key) and adds none. Events carry no
 * contact: the ticket's contact and place in line are read from the queue engine. When a ticket
 * is called, served, cancelled or not shown, its messages not sent yet that are of no use any
 * more are cancelled. A subscriber new to the database starts at the end of the log: installing
 * notifications does not tell of old tickets.
 *
 * <p>It registers its subscriber itself: as a subscriber component it would be activated by the
 * event log while the log binds it, and it needs the queue engine, which needs the log.
 */
@Component(service = {}, configurationPid = "org.talon.notify")
public final class TicketNotices implements DurableSubscriber {
    static final String NAME = "notify.tickets";
    private static final Logger LOG = Logger.getLogger(TicketNotices.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QueueService queues;
    private final Outbox outbox;
    private final BundleContext context;
    /** Registered while a channel is installed: without one there is no one to tell, and a subscriber costs each writer group a commit. */
    private ServiceRegistration<DurableSubscriber> registration;
    private final java.util.Set<Object> channels = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private boolean active;
    private volatile NotifyConfig config;


    @Activate
    public TicketNotices(BundleContext context, @Reference QueueService queues, @Reference Outbox outbox, NotifyConfig config) {
        this.queues = queues;
        this.outbox = outbox;
        this.config = config;
        this.context = context;
        synchronized (this) {
            active = true;
            follow();
        }
    }

    @Reference(service = org.talon.notify.api.NotificationChannel.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + org.talon.notify.api.NotificationChannel.KIND + "=*)")
    void addChannel(org.osgi.framework.ServiceReference<?> channel) {
        channels.add(channel);
        synchronized (this) {
            follow();
        }
    }

    void removeChannel(org.osgi.framework.ServiceReference<?> channel) {
        channels.remove(channel);
        synchronized (this) {
            follow();
        }
    }

    /** Follows the ticket events while a channel is there; stops following when the last one goes. */
    private void follow() {
        if (context == null || !active) return;
        boolean wanted = !channels.isEmpty() && (config.nearPosition() > 0 || config.ticketCalled());
        if (wanted && registration == null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(DurableSubscriber.NAME, NAME);
            props.put(DurableSubscriber.FROM, "end");
            props.put(EventListener.TYPES, new String[] {QueueEvents.TICKET_ISSUED, QueueEvents.TICKET_CALLED, QueueEvents.TICKET_TRANSFERRED,
                QueueEvents.TICKET_CANCELLED, QueueEvents.TICKET_FINISHED, QueueEvents.TICKET_NO_SHOW});
            registration = context.registerService(DurableSubscriber.class, this, props);
        } else if (!wanted && registration != null) {
            unregister();
        }
    }

    private void unregister() {
        try {
            registration.unregister();
        } catch (IllegalStateException ignored) {
            // gone with the bundle
        }
        registration = null;
    }

    @Modified
    synchronized void modified(NotifyConfig c) {
        config = c;
        follow();
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        if (registration != null) unregister();
    }

    static String nearKey(long ticket) {
        return "ticket:" + ticket + ":near";
    }

    static String calledKey(long ticket) {
        return "ticket:" + ticket + ":called";
    }

    @Override
    public void handle(DomainEvent e) throws Exception {
        JsonNode p = JSON.readTree(e.payload());
        long id = p.path("ticketId").asLong();
        String branch = e.branch();
        try {
            outbox.db().inTransaction(c -> {
                switch (e.type()) {
                    case QueueEvents.TICKET_CALLED -> {
                        called(c, e, id, p.path("counter").asText(null), p.path("counterName").asText(null));
                        cancelIfAny(c, branch, nearKey(id));
                        // those behind it in its queue moved up
                        near(c, branch, p.path("queue").asText(null), null);
                    }
                    case QueueEvents.TICKET_FINISHED, QueueEvents.TICKET_NO_SHOW -> {
                        cancelIfAny(c, branch, nearKey(id));
                        cancelIfAny(c, branch, calledKey(id));
                    }
                    case QueueEvents.TICKET_CANCELLED -> {
                        cancelIfAny(c, branch, nearKey(id));
                        cancelIfAny(c, branch, calledKey(id));
                        near(c, branch, p.path("queue").asText(null), null);
                    }
                    // a new ticket only pushes others back: only it can be near now
                    case QueueEvents.TICKET_ISSUED -> near(c, branch, null, id);
                    // a transfer moves up those of the queue it left, and places it in another: every queue
                    default -> near(c, branch, null, null);
                }
                return null;
            });
        } catch (QueueException q) {
            if (q.reason() != QueueException.Reason.NOT_FOUND) throw q;
            // the branch is no longer configured: nothing to tell
        }
    }

    private void cancelIfAny(Connection c, String branch, String key) throws Exception {
        if (outbox.hasKey(c, branch, key)) outbox.cancel(c, branch, key);
    }

    private void called(Connection c, DomainEvent e, long id, String counterId, String counterName) throws Exception {
        if (!config.ticketCalled()) return;
        Ticket t = queues.ticket(e.branch(), Long.toString(id)).orElse(null);
        // over meanwhile (the event comes late, after a restart): no one to tell. A subscriber catching up
        // from the database may read the event before the engine shows its commit (still WAITING then):
        // the event says it is called, so that counts as called; one served or ended since is left untold
        if (t == null || t.contact() == null || (t.state() != TicketState.CALLED && t.state() != TicketState.WAITING)) return;
        ContactAddress to = address(t);
        if (to == null) return;
        String lang = language(t, e.branch());
        Notification n = Notification.builder().key(calledKey(id)).branch(e.branch()).recipient(to).template("ticket.called").language(lang)
                .param("number", t.number()).param("counter", counterName(e.branch(), counterId, counterName, lang))
                .param("branch", branchName(e.branch(), lang)).build();
        outbox.insert(c, n, lang, "called:" + e.branch() + "/" + e.sequence());
    }

    /** Tells the waiting tickets with a contact that are near now: one ticket, a queue's, or the branch's; once each (by origin). */
    private void near(Connection c, String branch, String queue, Long ticket) throws Exception {
        int limit = config.nearPosition();
        if (limit <= 0) return;
        List<Ticket> candidates = ticket != null ? queues.ticket(branch, Long.toString(ticket)).stream().toList() : queues.activeTickets(branch);
        for (Ticket t : candidates) {
            if (queue != null && !queue.equals(t.queue())) continue;
            if (t.contact() == null || t.state() != TicketState.WAITING || t.position() < 1 || t.position() > limit) continue;
            String key = nearKey(t.id());
            ContactAddress to = address(t);
            if (to == null) continue;
            String lang = language(t, branch);
            Notification n = Notification.builder().key(key).branch(branch).recipient(to).template("ticket.near").language(lang)
                    .param("number", t.number()).param("position", Integer.toString(t.position()))
                    .param("branch", branchName(branch, lang)).param("link", link(t)).build();
            outbox.insert(c, n, lang, "near:" + t.id());
        }
    }

    private static ContactAddress address(Ticket t) {
        try {
            return ContactAddress.parse(t.contact());
        } catch (IllegalArgumentException bad) {
            LOG.fine("Ticket " + t.id() + " has a contact that is neither a phone number nor an e-mail address; not told");
            return null;
        }
    }

    private String language(Ticket t, String branch) {
        if (t.language() != null && !t.language().isBlank()) return Templates.language(t.language());
        try {
            List<Locale> locales = queues.branch(branch).locales();
            return locales == null || locales.isEmpty() ? "en" : Templates.language(locales.get(0).toLanguageTag());
        } catch (QueueException e) {
            return "en";
        }
    }

    private String branchName(String branch, String lang) {
        try {
            Branch b = queues.branch(branch);
            String n = b.name(lang);
            return n == null || n.isBlank() ? branch : n;
        } catch (QueueException e) {
            return branch;
        }
    }

    private String counterName(String branch, String counterId, String eventName, String lang) {
        if (counterId != null) {
            try {
                for (Counter k : queues.counters(branch)) {
                    if (k.id().equals(counterId)) {
                        String n = k.name(lang);
                        if (n != null && !n.isBlank()) return n;
                    }
                }
            } catch (QueueException ignored) {
                // the event's name then
            }
        }
        return eventName != null ? eventName : counterId;
    }

    /** The customer's own ticket page; delivery makes it a link with Talon's public address. */
    private static String link(Ticket t) {
        return t.publicId() == null ? null : "/t/" + t.publicId();
    }
}
