package org.talon.workflow.internal.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.TransactionManager;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.RowTable;
import org.talon.workflow.api.HistoryEntry;
import org.talon.workflow.api.Intake;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestPage;
import org.talon.workflow.api.RequestQuery;
import org.talon.workflow.api.RequestState;
import org.talon.workflow.internal.engine.Store;

/**
 * The requests' rows: {@code talon_request} (as each stands), {@code talon_request_history} (one
 * row per change, numbered by the request's version) and {@code talon_request_number} (the last
 * number of each branch and year), written by the branch's writer through
 * {@link BranchTransaction#rows} with the events, read with plain JDBC.
 */
public final class RequestStore implements Store {
    public static final RowTable REQUESTS = RowTable.named("talon_request").key("id").columns("branch", "type", "state", "priority", "fields",
            "name", "phone", "email", "language", "intake", "created_at", "created_by", "assignee", "due_at", "sla_left", "warn_at", "warned",
            "overdue", "result", "ticket_id", "ticket_number", "visit_ticket_id", "updated_at", "closed_at", "version");
    public static final RowTable HISTORY = RowTable.named("talon_request_history").key("request_id", "n").columns("happened_at", "what",
            "by_whom", "from_state", "to_state", "detail");
    public static final RowTable NUMBERS = RowTable.named("talon_request_number").key("branch", "in_year").columns("last_number");
    private static final String COLUMNS = "id, branch, type, state, priority, fields, name, phone, email, language, intake, created_at, "
            + "created_by, assignee, due_at, sla_left, warn_at, warned, overdue, result, ticket_id, ticket_number, visit_ticket_id, updated_at, "
            + "closed_at, version";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 4000;

    private final DataSource db;
    private final TransactionManager tm;

    public RequestStore(DataSource db, TransactionManager tm) {
        this.db = db;
        this.tm = tm;
    }

    @Override
    public void write(BranchTransaction tx, Request r, HistoryEntry h, int numberInYear) {
        String fields;
        try {
            fields = r.fields().isEmpty() ? null : JSON.writeValueAsString(r.fields());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        tx.rows(REQUESTS).put(r.id(), r.branch(), r.type(), r.state().name(), r.priority(), fields, r.name(), r.phone(), r.email(),
                r.language(), r.intake().name(), micros(r.createdAt()), r.createdBy(), r.assignee(), micros(r.dueAt()),
                r.slaLeft() == null ? null : r.slaLeft().toNanos() / 1000, micros(r.warnAt()), r.warned(), r.overdue(), r.result(),
                r.ticketId() == 0 ? null : r.ticketId(), r.ticketNumber(), r.visitTicketId() == 0 ? null : r.visitTicketId(), micros(r.updatedAt()),
                micros(r.closedAt()), r.version());
        if (h == null) return; // the contact data erased: no change of the request's own
        String detail = h.detail() == null || h.detail().length() <= MAX_DETAIL ? h.detail() : h.detail().substring(0, MAX_DETAIL);
        tx.rows(HISTORY).insert(r.id(), r.version(), micros(h.at()), h.what(), h.by(), h.from() == null ? null : h.from().name(),
                h.to() == null ? null : h.to().name(), detail);
        if (numberInYear > 0) {
            int year = Integer.parseInt(r.id().split("-")[1]);
            tx.rows(NUMBERS).put(r.branch(), year, numberInYear);
        }
    }

    @Override
    public List<Request> loadOpen(String branch) {
        return query("SELECT " + COLUMNS + " FROM talon_request WHERE branch = ? AND state IN ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS', "
                + "'WAITING_FOR_CUSTOMER', 'READY_FOR_PICKUP')", branch);
    }

    @Override
    public int lastNumber(String branch, int year) {
        try {
            return inTransaction(() -> {
                try (Connection c = db.getConnection();
                        PreparedStatement st = c.prepareStatement("SELECT last_number FROM talon_request_number WHERE branch = ? AND in_year = ?")) {
                    st.setString(1, branch);
                    st.setInt(2, year);
                    try (ResultSet rs = st.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("the last request number of branch " + branch + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Request> read(String id) {
        List<Request> r = query("SELECT " + COLUMNS + " FROM talon_request WHERE id = ?", id);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    @Override
    public List<HistoryEntry> history(String id) {
        try {
            return inTransaction(() -> {
                List<HistoryEntry> out = new ArrayList<>();
                try (Connection c = db.getConnection();
                        PreparedStatement st = c.prepareStatement("SELECT happened_at, what, by_whom, from_state, to_state, detail "
                                + "FROM talon_request_history WHERE request_id = ? ORDER BY n")) {
                    st.setString(1, id);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            String from = rs.getString(4);
                            String to = rs.getString(5);
                            out.add(new HistoryEntry(instant(rs.getLong(1)), rs.getString(2), rs.getString(3),
                                    from == null ? null : RequestState.valueOf(from), to == null ? null : RequestState.valueOf(to), rs.getString(6)));
                        }
                    }
                }
                return out;
            });
        } catch (Exception e) {
            throw new IllegalStateException("the history of request " + id + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public RequestPage closed(RequestQuery q) {
        StringBuilder where = new StringBuilder(" WHERE state IN (");
        List<Object> args = new ArrayList<>();
        boolean first = true;
        for (RequestState s : q.states()) {
            where.append(first ? "?" : ", ?");
            args.add(s.name());
            first = false;
        }
        where.append(')');
        if (q.branch() != null) {
            where.append(" AND branch = ?");
            args.add(q.branch());
        }
        if (q.type() != null) {
            where.append(" AND type = ?");
            args.add(q.type());
        }
        if (RequestQuery.NOBODY.equals(q.assignee())) {
            where.append(" AND assignee IS NULL");
        } else if (q.assignee() != null) {
            where.append(" AND assignee = ?");
            args.add(q.assignee());
        }
        if (q.overdue() != null) {
            where.append(" AND overdue = ?");
            args.add(q.overdue());
        }
        try {
            return inTransaction(() -> {
                int total;
                try (Connection c = db.getConnection()) {
                    try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM talon_request" + where)) {
                        bind(st, args);
                        try (ResultSet rs = st.executeQuery()) {
                            rs.next();
                            total = rs.getInt(1);
                        }
                    }
                    List<Request> items = new ArrayList<>();
                    try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM talon_request" + where
                            + " ORDER BY closed_at DESC, id LIMIT ? OFFSET ?")) {
                        List<Object> all = new ArrayList<>(args);
                        all.add(q.limit());
                        all.add(q.offset());
                        bind(st, all);
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) items.add(read(rs));
                        }
                    }
                    return new RequestPage(total, items);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("closed requests could not be read: " + e.getMessage(), e);
        }
    }

    private List<Request> query(String sql, Object... args) {
        try {
            return inTransaction(() -> {
                List<Request> out = new ArrayList<>();
                try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
                    bind(st, List.of(args));
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) out.add(read(rs));
                    }
                }
                return out;
            });
        } catch (Exception e) {
            throw new IllegalStateException("requests could not be read: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement st, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) st.setObject(i + 1, args.get(i));
    }

    private static Request read(ResultSet rs) throws SQLException {
        String fields = rs.getString("fields");
        Map<String, String> values;
        try {
            values = fields == null ? Map.of() : JSON.readValue(fields, new TypeReference<java.util.LinkedHashMap<String, String>>() {
            });
        } catch (java.io.IOException e) {
            throw new SQLException("request " + rs.getString("id") + " has fields that are not JSON", e);
        }
        long sla = rs.getLong("sla_left");
        Duration slaLeft = rs.wasNull() ? null : Duration.of(sla, ChronoUnit.MICROS);
        long ticket = rs.getLong("ticket_id");
        long ticketId = rs.wasNull() ? 0 : ticket;
        long visit = rs.getLong("visit_ticket_id");
        long visitId = rs.wasNull() ? 0 : visit;
        return Request.builder().id(rs.getString("id")).branch(rs.getString("branch")).type(rs.getString("type"))
                .state(RequestState.valueOf(rs.getString("state"))).priority(rs.getInt("priority")).fields(values).name(rs.getString("name"))
                .phone(rs.getString("phone")).email(rs.getString("email")).language(rs.getString("language"))
                .intake(Intake.valueOf(rs.getString("intake"))).createdAt(instant(rs, "created_at")).createdBy(rs.getString("created_by"))
                .assignee(rs.getString("assignee")).dueAt(instant(rs, "due_at")).slaLeft(slaLeft).warnAt(instant(rs, "warn_at"))
                .warned(rs.getBoolean("warned")).overdue(rs.getBoolean("overdue")).result(rs.getString("result")).ticketId(ticketId)
                .ticketNumber(rs.getString("ticket_number")).visitTicketId(visitId).updatedAt(instant(rs, "updated_at"))
                .closedAt(instant(rs, "closed_at")).version(rs.getInt("version")).build();
    }

    /**
     * Clears the customer's data (name, phone, e-mail, the form's values) of the rows that match,
     * in one transaction of its own.
     *
     * @param where an SQL condition on {@code talon_request}, with {@code ?} for the values
     * @return how many rows had such data
     */
    public int eraseContacts(String where, Object... values) throws Exception {
        return inTransaction(() -> {
            try (Connection c = db.getConnection();
                    PreparedStatement st = c.prepareStatement("UPDATE talon_request SET name = NULL, phone = NULL, email = NULL, fields = NULL WHERE ("
                            + where + ") AND (name IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL OR fields IS NOT NULL)")) {
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

    public static Long micros(Instant t) {
        return t == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : instant(v);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
