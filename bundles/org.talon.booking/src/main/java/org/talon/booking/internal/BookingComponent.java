package org.talon.booking.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.booking.api.BookableService;
import org.talon.booking.api.BookingService;
import org.talon.booking.api.Resource;
import org.talon.booking.internal.config.BookableServiceDefinition;
import org.talon.booking.internal.config.BranchRules;
import org.talon.booking.internal.config.ResourceDefinition;
import org.talon.booking.internal.config.SiteElement;
import org.talon.booking.internal.engine.Bookings;
import org.talon.booking.internal.engine.Settings;
import org.talon.booking.internal.engine.Setup;
import org.talon.booking.internal.store.BookingContacts;
import org.talon.booking.internal.store.BookingStore;
import org.talon.event.api.EventLog;
import org.talon.event.api.SchemaMigrations;
import org.talon.event.api.privacy.ContactData;
import org.talon.queue.api.Branch;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Service;

/**
 * The booking domain's engine in the framework: its set-up from the configurations
 * ({@code org.talon.booking.branch|service|resource}), its store, the {@link BookingService} it
 * registers, its {@link ContactData}, and the sweep that cancels no-shows.
 */
@Component(service = BookingComponent.class, immediate = true, configurationPid = BookingComponent.PID)
@Designate(ocd = BookingComponent.Config.class)
public final class BookingComponent {
    public static final String PID = "org.talon.booking";
    private static final Logger LOG = Logger.getLogger(BookingComponent.class.getName());

    @ObjectClassDefinition(name = "Talon bookings", description = "How often bookings not checked in are looked for")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between two looks for bookings whose arrival window closed without a check-in (they are cancelled as no-shows)")
        int sweepSeconds() default 30;
    }

    private final List<SiteElement> elements = new CopyOnWriteArrayList<>();
    private volatile org.talon.notify.api.Notifications notifications;
    private final QueueService queues;
    private final BookingStore store;
    private final Bookings bookings;
    private final ScheduledExecutorService sweeper;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public BookingComponent(BundleContext context, Config config, @Reference EventLog log, @Reference QueueService queues,
            @Reference(target = "(osgi.jndi.service.name=talon)") DataSource db, @Reference TransactionManager tm,
            @Reference SchemaMigrations migrations) {
        migrations.migrate(FrameworkUtil.getBundle(BookingComponent.class), "db/booking", "talon_booking_schema");
        this.queues = queues;
        this.store = new BookingStore(db, tm, this::zone);
        this.bookings = new Bookings(log, queues, store, Clock.systemUTC(), this::setup);
        org.talon.notify.api.Notifications n = notifications;
        if (n != null) bookings.notices(new BookingMessages(n));
        registrations.add(context.registerService(BookingService.class, bookings, null));
        registrations.add(context.registerService(ContactData.class, new BookingContacts(bookings, store), null));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "talon-booking-sweep");
            t.setDaemon(true);
            return t;
        });
        int every = Math.max(1, config.sweepSeconds());
        // the first look soon after the start also reads every branch's bookings
        sweeper.scheduleWithFixedDelay(this::sweep, 1, every, TimeUnit.SECONDS);
    }

    /** The engine, for the bundle's routes and commands. */
    public Bookings bookings() {
        return bookings;
    }

    private void sweep() {
        try {
            int n = bookings.sweep();
            if (n > 0) LOG.info("Bookings: " + n + " not checked in by the end of their arrival window were cancelled as no-shows");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Bookings: the look for no-shows failed; it runs again", e);
        }
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // gone with the bundle already
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addElement(SiteElement e) {
        elements.add(e);
    }

    void removeElement(SiteElement e) {
        elements.remove(e);
    }

    /** The notifications' outbox, while it is installed: a booking's messages go into it with the booking. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindNotifications(org.talon.notify.api.Notifications n) {
        notifications = n;
        if (bookings != null) bookings.notices(new BookingMessages(n));
    }

    void unbindNotifications(org.talon.notify.api.Notifications n) {
        if (notifications == n) {
            notifications = null;
            if (bookings != null) bookings.notices(null);
        }
    }

    private ZoneId zone(String branch) {
        Branch b = branch(branch);
        return b == null ? ZoneId.of("UTC") : b.zone();
    }

    private Branch branch(String id) {
        try {
            return queues.branch(id);
        } catch (QueueException e) {
            return null;
        }
    }

    /** What a branch offers for booking now; null when it has no bookable service. */
    Setup setup(String id) {
        Branch b = branch(id);
        if (b == null) return null;
        Settings settings = BranchRules.DEFAULT;
        Map<String, BookableService> services = new HashMap<>();
        List<Resource> resources = new ArrayList<>();
        Map<String, Service> queueServices = new HashMap<>();
        for (Service s : queues.services(id)) queueServices.put(s.code(), s);
        String first = b.locales().isEmpty() ? "en" : b.locales().get(0).getLanguage();
        for (SiteElement e : elements) {
            if (!e.branch().equals(id)) continue;
            if (e instanceof BranchRules r) settings = r.settings();
            if (e instanceof BookableServiceDefinition d) {
                Service s = queueServices.get(d.service());
                if (s == null) continue; // not a service of the queue (any more): not bookable
                String name = s.names().getOrDefault(first, s.names().values().stream().findFirst().orElse(s.code()));
                services.put(s.code(), new BookableService(id, s.code(), name, s.names(), d.duration(), d.seats()));
            }
            if (e instanceof ResourceDefinition r) resources.add(r.resource());
        }
        if (services.isEmpty()) return null;
        resources.sort(Comparator.comparing(Resource::id));
        return new Setup(b, settings, services, resources);
    }
}
