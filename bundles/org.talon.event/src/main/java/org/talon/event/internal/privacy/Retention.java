package org.talon.event.internal.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.event.api.privacy.ContactData;

/**
 * Personal data's retention: every so often, the contact data of what ended longer ago than the
 * retention period is erased from every domain that keeps some ({@link ContactData} services), and
 * the log says how much of what; and one person's data erased at once on request.
 */
@Component(service = Retention.class, immediate = true, configurationPid = Retention.PID)
@Designate(ocd = Retention.Config.class)
public final class Retention {
    public static final String PID = "org.talon.privacy";
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @ObjectClassDefinition(name = "Talon personal data", description = "How long contact data (names, phone numbers, e-mail addresses) of tickets, bookings and messages is kept")
    public @interface Config {
        @AttributeDefinition(description = "Days the contact data of a finished ticket, a past booking or a sent message is kept; then it is erased (the records and their counts stay)")
        int retentionDays() default 90;

        @AttributeDefinition(description = "Hours between two erasures of what passed the retention period (the first runs a minute after the start)")
        int everyHours() default 24;
    }

    private final List<ContactData> holders = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private volatile Config config;
    private ScheduledExecutorService timer;

    @Activate
    void activate(Config c) {
        this.config = c;
        schedule();
    }

    @Modified
    void modified(Config c) {
        this.config = c;
        schedule();
    }

    @Deactivate
    void deactivate() {
        if (timer != null) timer.shutdownNow();
    }

    private synchronized void schedule() {
        if (timer != null) timer.shutdownNow();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "talon-retention");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, config.everyHours()) * 60L;
        timer.scheduleWithFixedDelay(() -> {
            try {
                eraseExpired();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Personal data: the erasure after the retention period failed; it runs again in "
                        + config.everyHours() + " h", e);
            }
        }, 1, every, TimeUnit.MINUTES);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHolder(ContactData d) {
        holders.add(d);
    }

    void removeHolder(ContactData d) {
        holders.remove(d);
    }

    public int retentionDays() {
        return Math.max(0, config.retentionDays());
    }

    /** The moment before which what ended has its contact data erased now. */
    public Instant cutoff() {
        return clock.instant().minus(Duration.ofDays(retentionDays()));
    }

    /** The names of the domains that keep contact data now. */
    public List<String> holders() {
        return holders.stream().map(ContactData::name).toList();
    }

    /** Erases what passed the retention period, in every domain; logs and returns how many records of each. */
    public Map<String, Integer> eraseExpired() {
        Instant cutoff = cutoff();
        Map<String, Integer> erased = each(h -> h.eraseEndedBefore(cutoff));
        int total = erased.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            LOG.info("Personal data: erased the contact data of " + describe(erased) + " that ended before " + cutoff + " (kept "
                    + retentionDays() + " days)");
        }
        return erased;
    }

    /** Erases one person's contact data at once, in every domain; logs and returns how many records of each. */
    public Map<String, Integer> erase(ContactAddress contact) {
        Map<String, Integer> erased = each(h -> h.erase(contact));
        LOG.info("Personal data: erased the contact data of one person (" + contact.masked() + ") on request: " + describe(erased));
        return erased;
    }

    @FunctionalInterface
    private interface Erasure {
        int apply(ContactData holder) throws Exception;
    }

    private Map<String, Integer> each(Erasure e) {
        Map<String, Integer> out = new LinkedHashMap<>();
        RuntimeException failed = null;
        for (ContactData h : holders) {
            try {
                out.merge(h.name(), e.apply(h), Integer::sum);
            } catch (Exception x) {
                LOG.log(Level.WARNING, "Personal data: erasing in " + h.name() + " failed", x);
                if (failed == null) failed = new IllegalStateException("erasing in " + h.name() + " failed: " + x.getMessage(), x);
            }
        }
        if (failed != null) throw failed;
        return out;
    }

    static String describe(Map<String, Integer> erased) {
        StringBuilder b = new StringBuilder();
        erased.forEach((name, n) -> {
            if (n == 0) return;
            if (b.length() > 0) b.append(", ");
            b.append(n).append(' ').append(name);
        });
        return b.length() == 0 ? "nothing" : b.toString();
    }
}
