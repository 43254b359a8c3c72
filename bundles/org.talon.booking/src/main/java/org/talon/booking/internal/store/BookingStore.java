package org.talon.booking.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.TransactionManager;
import org.talon.booking.api.Booking;
import org.talon.booking.api.BookingState;
import org.talon.booking.internal.engine.Store;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.RowTable;
import org.talon.queue.api.Channel;

/**
 * The bookings' rows in {@code talon_booking}: written by the branch's writer through
 * {@link BranchTransaction#rows} with the events, read with plain JDBC when the engine starts, and
 * cleared of contact data by {@link #eraseContacts}.
 */
public final class BookingStore implements Store {
    public static final RowTable BOOKINGS = RowTable.named("talon_booking").key("id").columns("branch", "code", "service", "resource",
            "start_at", "end_at", "state", "name", "phone", "email", "language", "channel", "created_at", "checkin_from", "checkin_until",
            "ticket_id", "ticket_number", "version");
    private static final String COLUMNS = "id, branch, code, service, resource, start_at, end_at, state, name, phone, email, language, "
            + "channel, created_at, checkin_from, checkin_until, ticket_id, ticket_number, version";

    private final DataSource db;
    private final TransactionManager tm;
    private final Function<String, ZoneId> zones;

    public BookingStore(DataSource db, TransactionManager tm, Function<String, ZoneId> zones) {
        this.db = db;
        this.tm = tm;
        this.zones = zones;
    }

    @Override
    public void write(BranchTransaction tx, Booking b) {
        tx.rows(BOOKINGS).put(b.id(), b.branch(), b.code(), b.service(), b.resource(), micros(b.start().toInstant()),
                micros(b.end().toInstant()), b.state().name(), b.name(), b.phone(), b.email(), b.language(), b.channel().name(),
                micros(b.createdAt()), micros(b.checkinFrom()), micros(b.checkinUntil()), b.ticketId() == 0 ? null : b.ticketId(),
                b.ticketNumber(), b.version());
    }

    @Override
    public List<Booking> load(String branch, Instant since) {
        ZoneId zone = zones.apply(branch);
        try {
            return inTransaction(() -> {
                List<Booking> out = new ArrayList<>();
                try (Connection c = db.getConnection();
                        PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM talon_booking WHERE branch = ? AND (state = ? OR end_at > ?)")) {
                    st.setString(1, branch);
                    st.setString(2, BookingState.BOOKED.name());
                    st.setLong(3, micros(since));
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) out.add(read(rs, zone));
                    }
                }
                return out;
            });
        } catch (Exception e) {
            throw new IllegalStateException("the bookings of branch " + branch + " could not be read: " + e.getMessage(), e);
        }
    }

    private static Booking read(ResultSet rs, ZoneId zone) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        return Booking.builder().id(rs.getString("id")).branch(rs.getString("branch")).code(rs.getString("code"))
                .service(rs.getString("service")).resource(rs.getString("resource"))
                .start(instant(rs.getLong("start_at")).atZone(zone)).end(instant(rs.getLong("end_at")).atZone(zone))
                .state(BookingState.valueOf(rs.getString("state"))).name(rs.getString("name")).phone(rs.getString("phone"))
                .email(rs.getString("email")).language(rs.getString("language")).channel(Channel.valueOf(rs.getString("channel")))
                .createdAt(instant(rs.getLong("created_at"))).checkinFrom(instant(rs.getLong("checkin_from")))
                .checkinUntil(instant(rs.getLong("checkin_until"))).ticketId(rs.wasNull() ? 0 : ticket)
                .ticketNumber(rs.getString("ticket_number")).version(rs.getInt("version")).build();
    }

    /**
     * Clears name, phone and e-mail of the rows that match, in one transaction of its own.
     *
     * @param where an SQL condition on {@code talon_booking}, with {@code ?} for the values
     * @return how many rows had contact data
     */
    public int eraseContacts(String where, Object... values) throws Exception {
        return inTransaction(() -> {
            try (Connection c = db.getConnection();
                    PreparedStatement st = c.prepareStatement("UPDATE talon_booking SET name = NULL, phone = NULL, email = NULL WHERE ("
                            + where + ") AND (name IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL)")) {
                for (int i = 0; i < values.length; i++) st.setObject(i + 1, values[i]);
                return st.executeUpdate();
            }
        });
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        tm.begin();
        try {
            T r = work.call();
            tm.commit();
            return r;
        } catch (Exception | Error e) {
            try {
                if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) tm.rollback();
            } catch (Exception r) {
                e.addSuppressed(r);
            }
            throw e;
        }
    }

    public static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
