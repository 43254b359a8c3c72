package org.talon.notify.internal.engine;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.talon.event.api.BranchTransaction;
import org.talon.notify.api.MessageStatus;
import org.talon.notify.api.Notification;
import org.talon.notify.api.NotificationChannel;
import org.talon.notify.api.Notifications;
import org.talon.notify.internal.store.Outbox;

/**
 * The notifications service: messages go into the outbox (in a branch command's commit, or in a
 * transaction of their own) and the delivery engine sends them through the channels registered
 * as {@link NotificationChannel} services, one per kind (the highest service ranking wins).
 */
@Component(service = Notifications.class, configurationPid = "org.talon.notify")
@Designate(ocd = NotifyConfig.class)
public final class NotifyService implements Notifications {

    private record Registered(NotificationChannel channel, String kind, int ranking, long order) {
    }

    private static final AtomicLong ORDER = new AtomicLong();
    private final ConcurrentSkipListSet<Registered> channels = new ConcurrentSkipListSet<>(
            Comparator.comparingInt((Registered r) -> -r.ranking).thenComparingLong(r -> r.order));

    private final Outbox outbox;
    private final Templates templates;
    private final Delivery delivery;

    @Activate
    public NotifyService(@Reference Outbox outbox, NotifyConfig config) {
        this(outbox, new Templates(templatesDir(config)), config);
        delivery.start();
    }

    /** Without starting the delivery thread (tests run it with {@link #delivery()}.runOnce()). */
    public NotifyService(Outbox outbox, Templates templates, NotifyConfig config) {
        this.outbox = outbox;
        this.templates = templates;
        this.delivery = new Delivery(outbox, templates, this::channel, Delivery.Settings.of(config));
        outbox.onStored(delivery::wake);
    }

    static Path templatesDir(NotifyConfig c) {
        String dir = c.templatesDir() == null || c.templatesDir().isBlank() ? System.getProperty("karaf.etc") : c.templatesDir().strip();
        return dir == null ? null : Path.of(dir);
    }

    @Modified
    void modified(NotifyConfig config) {
        templates.overrides(templatesDir(config));
        delivery.configure(Delivery.Settings.of(config));
    }

    @Deactivate
    void deactivate() {
        outbox.onStored(null);
        delivery.stop();
    }

    public Delivery delivery() {
        return delivery;
    }

    public Templates templates() {
        return templates;
    }

    /** For the pages' public address, when notifications have none of their own. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    void bindConfigAdmin(org.osgi.service.cm.ConfigurationAdmin ca) {
        delivery.pagesUrl(() -> {
            try {
                org.osgi.service.cm.Configuration[] cs = ca.listConfigurations("(service.pid=org.talon.ui)");
                Object u = cs == null || cs.length == 0 || cs[0].getProperties() == null ? null : cs[0].getProperties().get("publicUrl");
                return u == null ? "" : u.toString().strip();
            } catch (java.io.IOException | org.osgi.framework.InvalidSyntaxException e) {
                return "";
            }
        });
    }

    void unbindConfigAdmin(org.osgi.service.cm.ConfigurationAdmin ca) {
        delivery.pagesUrl(null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, target = "(" + NotificationChannel.KIND + "=*)")
    public void addChannel(NotificationChannel c, Map<String, Object> props) {
        Object kind = props.get(NotificationChannel.KIND);
        Object ranking = props.get(Constants.SERVICE_RANKING);
        // a ranking from a .cfg file comes as text
        int rank = ranking instanceof Number n ? n.intValue()
                : ranking instanceof String t && t.strip().matches("-?\\d{1,9}") ? Integer.parseInt(t.strip()) : 0;
        channels.add(new Registered(c, String.valueOf(kind), rank, ORDER.incrementAndGet()));
        delivery.wake();
    }

    public void removeChannel(NotificationChannel c) {
        channels.removeIf(r -> r.channel == c);
    }

    /** The channel of a kind now, or {@code null}. */
    NotificationChannel channel(String kind) {
        for (Registered r : channels) {
            if (r.kind.equals(kind)) return r.channel;
        }
        return null;
    }

    @Override
    public String enqueue(BranchTransaction tx, Notification n) {
        if (tx == null) throw new IllegalArgumentException("no transaction");
        if (n == null) throw new IllegalArgumentException("no notification");
        if (!tx.branch().equals(n.branch())) {
            throw new IllegalArgumentException("a notification of branch " + n.branch() + " is enqueued in a command of branch " + tx.branch());
        }
        String language = checked(n);
        String id = Outbox.newId();
        Object[] row = Outbox.row(id, n, language, outbox.stamp(tx.now()), tx.now(), null);
        tx.rows(Outbox.MESSAGES).insert(row);
        tx.onCommit(delivery::wake);
        return id;
    }

    @Override
    public String enqueue(Notification n) {
        if (n == null) throw new IllegalArgumentException("no notification");
        String language = checked(n);
        try {
            return outbox.db().inTransaction(c -> outbox.insert(c, n, language, null));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The notification could not be stored: " + e.getMessage(), e);
        }
    }

    /** The message's language, after checking its template. */
    private static String checked(Notification n) {
        if (!Templates.exists(n.template())) {
            throw new IllegalArgumentException("no notification template " + n.template() + "; there are " + Templates.TEMPLATES.keySet());
        }
        return Templates.language(n.language());
    }

    @Override
    public void cancel(BranchTransaction tx, String key) {
        if (tx == null) throw new IllegalArgumentException("no transaction");
        if (key == null || key.isBlank() || key.length() > 200) throw new IllegalArgumentException("a key of 1 to 200 characters is cancelled");
        tx.rows(Outbox.CANCELS).put(tx.branch(), key, outbox.stamp(tx.now()));
    }

    @Override
    public List<MessageStatus> messages(String branch, int max) {
        if (branch == null) throw new IllegalArgumentException("no branch");
        return all(branch, max);
    }

    /** A branch's messages, or every branch's for {@code null}, newest first. */
    public List<MessageStatus> all(String branch, int max) {
        if (max < 1) return List.of();
        try {
            return outbox.db().inTransaction(c -> outbox.messages(c, branch, max));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The outbox could not be read: " + e.getMessage(), e);
        }
    }
}
