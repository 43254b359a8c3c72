package org.talon.notify.internal.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.RowTable;
import org.talon.event.api.SchemaMigrations;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.CalendarEntry;
import org.talon.notify.api.MessageStatus;
import org.talon.notify.api.MessageStatus.State;
import org.talon.notify.api.Notification;

/**
 * The outbox in the Talon database: table {@code notify_message} (one row per message) and
 * {@code notify_cancel} (cancellations by key). A branch command inserts a message's row with
 * {@code tx.rows(MESSAGES).insert(...)} and cancels with {@code tx.rows(CANCELS).put(...)}; every
 * other write (the delivery engine's, the ticket notices', erasing) goes through {@link Db} in a
 * transaction of its own or the caller's.
 *
 * <p>A cancellation holds for the messages of its branch and key created before it: rows carry a
 * creation stamp (epoch microseconds, strictly increasing in this process, see {@link #stamp}),
 * so a command that cancels a booking's reminder and enqueues the new one, in that order, keeps
 * the new one.
 */
@Component(service = Outbox.class)
public final class Outbox {
    public static final RowTable MESSAGES = RowTable.named("notify_message").key("id").columns("msg_key", "branch", "channel",
            "recipient", "recipient_name", "template", "language", "params", "calendar", "state", "attempts", "last_error",
            "created_at", "not_before", "next_attempt", "sent_at", "origin");
    public static final RowTable CANCELS = RowTable.named("notify_cancel").key("branch", "msg_key").columns("cancelled_at");

    /** Channel kinds, as {@link org.talon.notify.api.NotificationChannel#KIND} names them. */
    public static final String EMAIL = "email";
    public static final String SMS = "sms";

    static final int MAX_JSON = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANCELLED_BY_KEY = "EXISTS (SELECT 1 FROM notify_cancel c WHERE c.branch = m.branch"
            + " AND c.msg_key = m.msg_key AND c.cancelled_at > m.created_at)";

    private final Db db;
    private final Clock clock;
    private long lastStamp;
    private volatile Runnable onStored = () -> { };

    @Activate
    public Outbox(@Reference(target = "(osgi.jndi.service.name=talon)") DataSource dataSource, @Reference TransactionManager tm,
            @Reference SchemaMigrations migrations) {
        migrations.migrate(FrameworkUtil.getBundle(Outbox.class), "db/notify", "talon_notify_schema");
        this.db = new JtaDb(dataSource, tm);
        this.clock = Clock.systemUTC();
    }

    /** An outbox on any database that has the tables (tests). */
    public Outbox(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Db db() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    /** Told after a message was stored (after its commit): the delivery engine wakes up. */
    public void onStored(Runnable r) {
        onStored = r == null ? () -> { } : r;
    }

    public void stored() {
        onStored.run();
    }

    /** A creation or cancellation stamp: {@code now} in microseconds, or one more than the last one handed out, whichever is later. */
    public synchronized long stamp(Instant now) {
        long t = micros(now);
        lastStamp = Math.max(t, lastStamp + 1);
        return lastStamp;
    }

    /** The channel kind a recipient is reached by. */
    public static String channelOf(ContactAddress a) {
        return a.kind() == ContactAddress.Kind.EMAIL ? EMAIL : SMS;
    }

    /** A new message id: random, so two never meet, whoever makes them. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * The values of a new message's row in {@link #MESSAGES}' order: pending, not tried yet, due at
     * its {@code notBefore} or {@code now}.
     *
     * @throws IllegalArgumentException when a value does not fit its column
     */
    public static Object[] row(String id, Notification n, String language, long created, Instant now, String origin) {
        check(n.branch().length() <= 64, "a notification's branch has at most 64 characters");
        check(n.recipientName() == null || n.recipientName().length() <= 200, "a recipient's name has at most 200 characters");
        check(n.template().length() <= 64, "a template name has at most 64 characters");
        check(origin == null || origin.length() <= 200, "origin too long");
        String params = n.params().isEmpty() ? null : json(n.params());
        check(params == null || params.length() <= MAX_JSON, "a notification's parameters take at most " + MAX_JSON + " characters as JSON");
        String calendar = n.calendar() == null ? null : json(calendarMap(n.calendar()));
        check(calendar == null || calendar.length() <= MAX_JSON, "a notification's calendar entry takes at most " + MAX_JSON + " characters as JSON");
        // due from now (not from the stamp, which may run a little ahead of the clock)
        long notBefore = micros(n.notBefore() == null || n.notBefore().isBefore(now) ? now : n.notBefore());
        return new Object[] {id, n.key(), n.branch(), channelOf(n.recipient()), n.recipient().value(), n.recipientName(), n.template(),
            language, params, calendar, State.PENDING.name(), 0, null, created, notBefore, notBefore, null, origin};
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    /** Stores a message outside branch commands; when {@code origin} is given and a message of it is stored already, nothing (returns null). */
    public String insert(Connection c, Notification n, String language, String origin) throws SQLException {
        if (origin != null && exists(c, "SELECT 1 FROM notify_message WHERE origin = ?", origin)) return null;
        String id = newId();
        Instant now = clock.instant();
        insertRow(c, MESSAGES, row(id, n, language, stamp(now), now, origin));
        db.afterCommit(this::stored);
        return id;
    }

    /** Whether the branch has a message with this key, in any state. */
    public boolean hasKey(Connection c, String branch, String key) throws SQLException {
        return exists(c, "SELECT 1 FROM notify_message WHERE branch = ? AND msg_key = ?", branch, key);
    }

    /** Cancels the branch's messages of this key created until now, outside branch commands. */
    public void cancel(Connection c, String branch, String key) throws SQLException {
        long at = stamp(clock.instant());
        if (update(c, "UPDATE notify_cancel SET cancelled_at = ? WHERE branch = ? AND msg_key = ?", at, branch, key) == 0) {
            update(c, "INSERT INTO notify_cancel (branch, msg_key, cancelled_at) VALUES (?, ?, ?)", branch, key, at);
        }
    }

    // ------------------------------------------------------------------ delivery

    /** A message due to be sent, as stored. */
    public record Due(String id, String key, String branch, String channel, ContactAddress recipient, String recipientName,
            String template, String language, Map<String, String> params, CalendarEntry calendar, int attempts, long created,
            long notBefore) {
    }

    /** Pending messages marked so by a cancellation become {@code CANCELLED}. */
    public int markCancelled(Connection c) throws SQLException {
        return update(c, "UPDATE notify_message SET state = 'CANCELLED' WHERE state = 'PENDING' AND EXISTS (SELECT 1 FROM notify_cancel c"
                + " WHERE c.branch = notify_message.branch AND c.msg_key = notify_message.msg_key AND c.cancelled_at > notify_message.created_at)");
    }

    /** Pending messages due before {@code cutoff} are given up with this reason. */
    public int giveUpBefore(Connection c, long cutoff, String reason) throws SQLException {
        return update(c, "UPDATE notify_message SET state = 'FAILED', last_error = ? WHERE state = 'PENDING' AND not_before < ?", reason, cutoff);
    }

    /** Due messages of a channel kind that is not there say why they wait. */
    public int waitForChannel(Connection c, String channel, long now, String reason) throws SQLException {
        return update(c, "UPDATE notify_message SET last_error = ? WHERE state = 'PENDING' AND channel = ? AND next_attempt <= ?"
                + " AND (last_error IS NULL OR last_error <> ?)", reason, channel, now, reason);
    }

    /** Pending messages due at {@code now} for these channel kinds, not cancelled, the longest due first. */
    public List<Due> due(Connection c, long now, Collection<String> channels, int max) throws SQLException {
        List<Due> out = new ArrayList<>();
        if (channels.isEmpty()) return out;
        StringBuilder sql = new StringBuilder("SELECT m.id, m.msg_key, m.branch, m.channel, m.recipient, m.recipient_name, m.template,"
                + " m.language, m.params, m.calendar, m.attempts, m.created_at, m.not_before FROM notify_message m"
                + " WHERE m.state = 'PENDING' AND m.next_attempt <= ? AND m.recipient IS NOT NULL AND m.channel IN (");
        List<Object> args = new ArrayList<>();
        args.add(now);
        for (String ch : channels) {
            sql.append(args.size() == 1 ? "?" : ", ?");
            args.add(ch);
        }
        sql.append(") AND NOT ").append(CANCELLED_BY_KEY).append(" ORDER BY m.next_attempt, m.created_at");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            bind(s, args.toArray());
            s.setMaxRows(max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ContactAddress to = new ContactAddress(r.getString(5), EMAIL.equals(r.getString(4)) ? ContactAddress.Kind.EMAIL
                            : ContactAddress.Kind.PHONE);
                    out.add(new Due(r.getString(1), r.getString(2), r.getString(3), r.getString(4), to, r.getString(6), r.getString(7),
                            r.getString(8), params(r.getString(9)), calendar(r.getString(10)), r.getInt(11), r.getLong(12), r.getLong(13)));
                }
            }
        }
        return out;
    }

    public void markSent(Connection c, String id, int attempts, long at) throws SQLException {
        update(c, "UPDATE notify_message SET state = 'SENT', attempts = ?, sent_at = ?, last_error = NULL WHERE id = ?", attempts, at, id);
    }

    public void retryLater(Connection c, String id, int attempts, String error, long next) throws SQLException {
        update(c, "UPDATE notify_message SET attempts = ?, last_error = ?, next_attempt = ? WHERE id = ? AND state = 'PENDING'",
                attempts, cut(error), next, id);
    }

    public void markFailed(Connection c, String id, int attempts, String error) throws SQLException {
        update(c, "UPDATE notify_message SET state = 'FAILED', attempts = ?, last_error = ? WHERE id = ? AND state = 'PENDING'",
                attempts, cut(error), id);
    }

    // ------------------------------------------------------------------ reading

    /** A branch's messages (all branches' for {@code null}), newest first. */
    public List<MessageStatus> messages(Connection c, String branch, int max) throws SQLException {
        String sql = "SELECT m.id, m.msg_key, m.branch, m.channel, m.template, m.recipient, m.state, m.attempts, m.last_error,"
                + " m.created_at, m.next_attempt, m.sent_at, CASE WHEN m.state = 'PENDING' AND " + CANCELLED_BY_KEY
                + " THEN 1 ELSE 0 END FROM notify_message m" + (branch == null ? "" : " WHERE m.branch = ?") + " ORDER BY m.created_at DESC";
        List<MessageStatus> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (branch != null) s.setString(1, branch);
            s.setMaxRows(max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String channel = r.getString(4);
                    String to = r.getString(6);
                    String masked = to == null ? null
                            : new ContactAddress(to, EMAIL.equals(channel) ? ContactAddress.Kind.EMAIL : ContactAddress.Kind.PHONE).masked();
                    State state = r.getInt(13) == 1 ? State.CANCELLED : State.valueOf(r.getString(7));
                    long sent = r.getLong(12);
                    Instant sentAt = r.wasNull() ? null : instant(sent);
                    out.add(new MessageStatus(r.getString(1), r.getString(2), r.getString(3), channel, r.getString(5), masked, state,
                            r.getInt(8), r.getString(9), instant(r.getLong(10)), state == State.PENDING ? instant(r.getLong(11)) : null,
                            sentAt));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ personal data

    /** Clears the contact data of the messages sent, given up or cancelled and created before {@code cutoff}. */
    public int eraseEndedBefore(Connection c, long cutoff) throws SQLException {
        markCancelled(c);
        return update(c, "UPDATE notify_message SET recipient = NULL, recipient_name = NULL, params = NULL, calendar = NULL"
                + " WHERE state IN ('SENT', 'FAILED', 'CANCELLED') AND created_at < ? AND (recipient IS NOT NULL"
                + " OR recipient_name IS NOT NULL OR params IS NOT NULL OR calendar IS NOT NULL)", cutoff);
    }

    /** Clears the contact data of every message to this address; pending ones are cancelled. */
    public int erase(Connection c, ContactAddress a, String reason) throws SQLException {
        return update(c, "UPDATE notify_message SET state = CASE WHEN state = 'PENDING' THEN 'CANCELLED' ELSE state END,"
                + " last_error = CASE WHEN state = 'PENDING' THEN ? ELSE last_error END,"
                + " recipient = NULL, recipient_name = NULL, params = NULL, calendar = NULL WHERE recipient = ? AND channel = ?",
                reason, a.value(), channelOf(a));
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> calendarMap(CalendarEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uid", e.uid());
        m.put("sequence", e.sequence());
        m.put("start", e.start().toString());
        m.put("end", e.end().toString());
        m.put("summary", e.summary());
        if (e.location() != null) m.put("location", e.location());
        if (e.description() != null) m.put("description", e.description());
        m.put("cancelled", e.cancelled());
        return m;
    }

    static CalendarEntry calendar(String json) {
        if (json == null) return null;
        try {
            Map<String, Object> m = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            return new CalendarEntry((String) m.get("uid"), ((Number) m.get("sequence")).intValue(), Instant.parse((String) m.get("start")),
                    Instant.parse((String) m.get("end")), (String) m.get("summary"), (String) m.get("location"),
                    (String) m.get("description"), Boolean.TRUE.equals(m.get("cancelled")));
        } catch (Exception e) {
            throw new IllegalStateException("a stored calendar entry cannot be read: " + e.getMessage(), e);
        }
    }

    static Map<String, String> params(String json) {
        if (json == null) return Map.of();
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("stored parameters cannot be read: " + e.getMessage(), e);
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    static String cut(String s) {
        if (s == null) return null;
        return s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    /** A row of a table in its order, key first, as {@code tx.rows(table).insert} would write it. */
    static void insertRow(Connection c, RowTable t, Object[] values) throws SQLException {
        List<String> all = new ArrayList<>(t.key());
        all.addAll(t.columns());
        String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", all) + ") VALUES (" + "?, ".repeat(all.size() - 1) + "?)";
        update(c, sql, values);
    }

    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            if (v == null) s.setNull(i + 1, Types.NULL);
            else if (v instanceof String x) s.setString(i + 1, x);
            else if (v instanceof Long x) s.setLong(i + 1, x);
            else if (v instanceof Integer x) s.setInt(i + 1, x);
            else s.setObject(i + 1, v);
        }
    }

    public static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    public static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
