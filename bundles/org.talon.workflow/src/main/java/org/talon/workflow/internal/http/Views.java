package org.talon.workflow.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.talon.workflow.api.HistoryEntry;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestField;
import org.talon.workflow.api.RequestType;
import org.talon.workflow.api.StaffMember;
import org.talon.workflow.internal.engine.Messages;

/** The JSON shapes of the workflow routes. */
public final class Views {
    private Views() {
    }

    public record FieldView(String name, String kind, boolean required, String label, Map<String, String> labels, List<String> choices,
            int maxLength, Long min, Long max, String pattern) {
        static FieldView of(RequestField f, String language) {
            return new FieldView(f.name(), f.kind().name(), f.required(), f.label(language), f.labels(), f.choices(), f.maxLength(), f.min(),
                    f.max(), f.pattern());
        }
    }

    public record TypeView(String code, String name, Map<String, String> names, List<FieldView> fields, long slaHours, List<String> skills,
            boolean pickup, boolean question) {
        static TypeView of(RequestType t, String language) {
            return new TypeView(t.code(), t.name(language), t.names(), t.fields().stream().map(f -> FieldView.of(f, language)).toList(),
                    t.sla().toHours(), t.skills().stream().sorted().toList(), t.pickup(), t.question());
        }
    }

    public record ContactBody(String name, String phone, String email) {
    }

    public record RegisterBody(String type, Map<String, String> fields, ContactBody contact, String language, String intake, Long visitTicket) {
    }

    public record ActionBody(String action, String assignee, String note) {
    }

    public record MessageBody(String text) {
    }

    public record HistoryView(String at, String what, String by, String from, String to, String detail) {
        static HistoryView of(HistoryEntry h) {
            return new HistoryView(h.at().toString(), h.what(), h.by(), h.from() == null ? null : h.from().name(),
                    h.to() == null ? null : h.to().name(), h.detail());
        }
    }

    /**
     * A request as staff see it.
     *
     * @param secondsLeft  business seconds left on its SLA now (negative: overdue); while its clock stands still, what was left when it stopped
     * @param clockRunning whether its SLA clock runs (not while it waits for the customer or for its pickup, nor once closed)
     */
    public record RequestView(String id, String branch, String type, String typeName, String state, String stateName, int priority,
            Map<String, String> fields, String name, String phone, String email, String language, String intake, String createdAt,
            String createdBy, String assignee, String dueAt, Long secondsLeft, boolean clockRunning, boolean atRisk, boolean overdue, String result, String ticketNumber,
            long visitTicket, String updatedAt, String closedAt, List<HistoryView> history) {
        static RequestView of(Request r, RequestType t, Duration left, Locale locale, List<HistoryEntry> history) {
            return new RequestView(r.id(), r.branch(), r.type(), t == null ? r.type() : t.name(locale.getLanguage()), r.state().name(),
                    Messages.text(locale, "state." + r.state().name()), r.priority(), r.fields(), r.name(), r.phone(), r.email(), r.language(),
                    r.intake().name(), r.createdAt().toString(), r.createdBy(), r.assignee(), r.dueAt() == null ? null : r.dueAt().toString(),
                    left == null ? null : left.getSeconds(), r.state().slaRuns(), r.warned(), r.overdue(), r.result(), r.ticketNumber(), r.visitTicketId(), r.updatedAt().toString(),
                    r.closedAt() == null ? null : r.closedAt().toString(), history == null ? null : history.stream().map(HistoryView::of).toList());
        }
    }

    public record PageView(int total, int offset, List<RequestView> items) {
    }

    /** A request as its customer sees it on the status page: no staff names, the form's values as they gave them. */
    public record StatusView(String id, String type, String typeName, String state, String stateName, String createdAt, String result,
            String ticketNumber, boolean question, List<MessageView> messages) {
    }

    public record MessageView(String at, String from, String text) {
    }

    public record StaffView(String id, String name, List<String> skills, int maxOpen, boolean onDuty, int load) {
        static StaffView of(StaffMember m) {
            return new StaffView(m.id(), m.name(), m.skills().stream().sorted().toList(), m.maxOpen(), m.onDuty(), m.load());
        }
    }

    public record PickupView(String request, long ticket, String number, String service) {
    }
}
