package org.talon.notify.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.Attachment;
import org.talon.notify.api.NotificationChannel;
import org.talon.notify.api.OutgoingMessage;
import org.talon.notify.internal.store.Outbox;

/**
 * Sends the outbox's due messages: a message whose time has come (its {@code notBefore}, or its
 * next try) and that is not cancelled is rendered in its language, handed to the channel of its
 * recipient's kind and marked sent; when the channel throws, it is tried again after a pause that
 * doubles from {@code firstRetry} up to {@code maxRetry}, and given up ({@code FAILED}) after
 * {@code maxAttempts} tries or when it is {@code maxAge} late. Without a channel of its kind it
 * stays pending, its last error saying which channel is missing, and goes when one is installed.
 * Everything it knows is in the outbox's table, so it carries on after a restart.
 */
public final class Delivery {
    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());
    private static final int BATCH = 50;
    private static final List<String> KINDS = List.of(Outbox.EMAIL, Outbox.SMS);

    /** The channel of a kind now, or {@code null}. */
    @FunctionalInterface
    public interface Channels {
        NotificationChannel get(String kind);
    }

    /** How delivery behaves; see {@link NotifyConfig}. */
    public record Settings(Duration poll, Duration firstRetry, Duration maxRetry, int maxAttempts, Duration maxAge, String organizer,
            String publicUrl) {
        public static Settings of(NotifyConfig c) {
            return new Settings(Duration.ofSeconds(Math.max(1, c.pollIntervalSeconds())), Duration.ofSeconds(Math.max(1, c.firstRetrySeconds())),
                    Duration.ofSeconds(Math.max(1, c.maxRetrySeconds())), Math.max(1, c.maxAttempts()),
                    Duration.ofHours(Math.max(1, c.maxAgeHours())), c.calendarOrganizer(), c.publicUrl() == null ? "" : c.publicUrl().strip());
        }
    }

    /** The pages' own public address ({@code publicUrl} of {@code org.talon.ui}), for when notifications have none of their own. */
    private volatile java.util.function.Supplier<String> pagesUrl = () -> "";

    public void pagesUrl(java.util.function.Supplier<String> url) {
        this.pagesUrl = url == null ? () -> "" : url;
    }

    private final Outbox outbox;
    private final Templates templates;
    private final Channels channels;
    private volatile Settings settings;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> polling;
    private final AtomicBoolean woken = new AtomicBoolean();

    public Delivery(Outbox outbox, Templates templates, Channels channels, Settings settings) {
        this.outbox = outbox;
        this.templates = templates;
        this.channels = channels;
        this.settings = settings;
    }

    /** Starts looking at the outbox every poll interval, and at once when woken. */
    public synchronized void start() {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "talon-notify-delivery");
            t.setDaemon(true);
            return t;
        });
        schedule();
    }

    private void schedule() {
        if (polling != null) polling.cancel(false);
        long ms = settings.poll().toMillis();
        polling = executor.scheduleWithFixedDelay(this::pass, 0, ms, TimeUnit.MILLISECONDS);
    }

    public synchronized void configure(Settings s) {
        boolean pollChanged = !s.poll().equals(settings.poll());
        settings = s;
        if (executor != null && pollChanged) schedule();
    }

    /** Stops; a message being sent is finished first (for at most ten seconds). */
    public void stop() {
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
            executor = null;
            polling = null;
        }
        if (e == null) return;
        e.shutdownNow();
        try {
            e.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** When the outbox's upkeep last ran (on the delivery thread). */
    private Instant lastUpkeep;

    /** Something was enqueued or a channel came: look now rather than at the next poll. */
    public void wake() {
        ScheduledExecutorService e = executor;
        if (e == null || !woken.compareAndSet(false, true)) return;
        try {
            e.execute(() -> {
                woken.set(false);
                pass();
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            woken.set(false);
        }
    }

    /** The last reason a pass failed, so that a database that is away is logged once, not every poll. */
    private volatile String lastProblem;

    private void pass() {
        try {
            runOnce();
            if (lastProblem != null) LOG.info("The outbox can be looked at again");
            lastProblem = null;
        } catch (Throwable t) {
            String problem = String.valueOf(t);
            if (!problem.equals(lastProblem)) LOG.log(Level.WARNING, "The outbox could not be looked at; trying again every poll: " + t, t);
            lastProblem = problem;
        }
    }

    /** One look at the outbox: every due message is tried once. Returns how many were tried. */
    public synchronized int runOnce() throws Exception {
        Settings s = settings;
        Instant now = outbox.clock().instant();
        long nowMicros = Outbox.micros(now);
        List<String> present = new ArrayList<>();
        for (String k : KINDS) if (channels.get(k) != null) present.add(k);
        // the outbox's upkeep (cancelled, given up, waiting for a channel) once a poll interval: a wake-up
        // after each stored message only delivers, so that a busy branch's commits do not each pay for it
        boolean upkeep = lastUpkeep == null || !now.isBefore(lastUpkeep.plus(s.poll()));
        if (upkeep) lastUpkeep = now;
        if (upkeep) outbox.db().inTransaction(c -> {
            outbox.markCancelled(c);
            int late = outbox.giveUpBefore(c, Outbox.micros(now.minus(s.maxAge())), "not sent within " + s.maxAge().toHours() + " h of its time");
            if (late > 0) LOG.warning(late + " notification(s) could not be sent within " + s.maxAge().toHours() + " h of their time and are given up");
            for (String k : KINDS) {
                if (!present.contains(k)) outbox.waitForChannel(c, k, nowMicros, missing(k));
            }
            return null;
        });
        int tried = 0;
        while (!present.isEmpty() && !Thread.currentThread().isInterrupted()) {
            List<Outbox.Due> due = outbox.db().inTransaction(c -> outbox.due(c, Outbox.micros(outbox.clock().instant()), present, BATCH));
            for (Outbox.Due d : due) {
                if (Thread.currentThread().isInterrupted()) break;
                deliver(d, s);
                tried++;
            }
            if (due.size() < BATCH) break;
        }
        return tried;
    }

    /** Why a message of this kind waits. */
    static String missing(String kind) {
        return "no " + kind + " channel is installed (feature talon-notify-" + (Outbox.EMAIL.equals(kind) ? "smtp" : "sms")
                + ", or its configuration is missing)";
    }

    private void deliver(Outbox.Due d, Settings s) throws Exception {
        NotificationChannel channel = channels.get(d.channel());
        if (channel == null) return; // gone since the look: stays due, said so at the next pass
        OutgoingMessage m;
        try {
            m = render(d, s);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification " + d.id() + " cannot be rendered and is given up", e);
            outbox.db().inTransaction(c -> {
                outbox.markFailed(c, d.id(), d.attempts(), "cannot be rendered: " + e.getMessage());
                return null;
            });
            return;
        }
        int attempts = d.attempts() + 1;
        try {
            channel.send(m);
        } catch (Exception | LinkageError e) {
            String error = scrub(e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage(),
                    d.recipient());
            Instant now = outbox.clock().instant();
            if (attempts >= s.maxAttempts()) {
                LOG.warning("Notification " + d.id() + " (" + d.template() + ", " + d.channel() + ") failed " + attempts + " times and is given up: " + error);
                outbox.db().inTransaction(c -> {
                    outbox.markFailed(c, d.id(), attempts, error);
                    return null;
                });
            } else {
                Duration pause = backoff(attempts, s.firstRetry(), s.maxRetry());
                LOG.info("Notification " + d.id() + " (" + d.template() + ", " + d.channel() + ") failed, try " + attempts + "; again in "
                        + pause.toSeconds() + " s: " + error);
                outbox.db().inTransaction(c -> {
                    outbox.retryLater(c, d.id(), attempts, error, Outbox.micros(now.plus(pause)));
                    return null;
                });
            }
            return;
        }
        long sentAt = Outbox.micros(outbox.clock().instant());
        outbox.db().inTransaction(c -> {
            outbox.markSent(c, d.id(), attempts, sentAt);
            return null;
        });
    }

    OutgoingMessage render(Outbox.Due d, Settings s) {
        Templates.Rendered r = templates.render(d.template(), d.language(), d.recipientName(), links(d.params(), s));
        boolean email = Outbox.EMAIL.equals(d.channel());
        List<Attachment> attachments = new ArrayList<>();
        if (email && d.calendar() != null) {
            attachments.add(Invites.invite(d.calendar(), blankToNull(s.organizer()), d.recipient().value(), d.recipientName(),
                    outbox.clock().instant()));
        }
        return new OutgoingMessage(d.id(), d.recipient(), d.recipientName(), r.subject(), email ? r.email() : r.sms(), attachments);
    }

    /**
     * A value that is a path of Talon's pages ({@code /t/…}, {@code /book?…}) made a link with the
     * public address customers reach Talon at, at the time of sending; without one it is dropped
     * (and the template's line holding it with it).
     */
    java.util.Map<String, String> links(java.util.Map<String, String> params, Settings s) {
        String link = params.get("link");
        if (link == null || !link.startsWith("/")) return params;
        String base = s.publicUrl().isEmpty() ? pagesUrl.get() : s.publicUrl();
        java.util.Map<String, String> out = new java.util.HashMap<>(params);
        if (base == null || base.isBlank()) out.remove("link");
        else out.put("link", base.strip().replaceAll("/+$", "") + link);
        return out;
    }

    /** The pause before try {@code attempts + 1}: {@code first}, doubling, at most {@code max}. */
    public static Duration backoff(int attempts, Duration first, Duration max) {
        int doublings = Math.max(0, Math.min(attempts - 1, 40));
        Duration d = first;
        for (int i = 0; i < doublings && d.compareTo(max) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(max) > 0 ? max : d;
    }

    /** An error text as staff may see it: the recipient's address masked wherever a channel put it. */
    static String scrub(String error, ContactAddress to) {
        String out = error.replace(to.value(), to.masked());
        if (to.kind() == ContactAddress.Kind.PHONE && to.value().startsWith("+")) out = out.replace(to.value().substring(1), to.masked());
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
