package org.talon.workflow.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.Notification;
import org.talon.notify.api.Notifications;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestState;
import org.talon.workflow.api.RequestType;
import org.talon.workflow.internal.engine.Notices;
import org.talon.workflow.internal.engine.Setup;

/**
 * A request's messages through the notifications' outbox, in the change's own transaction: its id
 * and status link when registered, "your documents are ready" for a pickup, the result when done,
 * the reason when rejected, word of a cancellation, staff's answers in a consultation, and word
 * of an overdue request to the branch's managers.
 */
final class RequestMessages implements Notices {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Notifications outbox;

    RequestMessages(Notifications outbox) {
        this.outbox = outbox;
    }

    @Override
    public void registered(BranchTransaction tx, Setup s, Request r) {
        send(tx, s, r, "request.registered", Map.of());
    }

    @Override
    public void changed(BranchTransaction tx, Setup s, Request r) {
        String template = switch (r.state()) {
            case READY_FOR_PICKUP -> "request.ready";
            case DONE -> "request.done";
            case REJECTED -> "request.rejected";
            case CANCELLED -> "request.cancelled";
            default -> null;
        };
        if (template == null) return;
        if (r.state() == RequestState.DONE && r.ticketId() != 0) return; // collected at a counter: told there
        send(tx, s, r, template, Map.of("result", r.result() == null ? "" : r.result()));
    }

    @Override
    public void message(BranchTransaction tx, Setup s, Request r, String text) {
        send(tx, s, r, "request.message", Map.of("text", text), ":" + r.version());
    }

    @Override
    public void overdue(BranchTransaction tx, Setup s, Request r) {
        if (s.settings().managerEmail() == null) return;
        String language = s.branch().locales().isEmpty() ? "en" : s.branch().locales().get(0).getLanguage();
        Map<String, String> p = params(s, r, language);
        p.put("assignee", r.assignee() == null ? "-" : r.assignee());
        p.put("dueAt", WHEN.format(r.dueAt().atZone(s.branch().zone())));
        p.put("link", "/manager/requests?id=" + r.id());
        outbox.enqueue(tx, Notification.builder().key("request:" + r.id() + ":overdue").branch(r.branch())
                .recipient(new ContactAddress(s.settings().managerEmail(), ContactAddress.Kind.EMAIL)).template("request.overdue").language(language)
                .params(p).build());
    }

    private void send(BranchTransaction tx, Setup s, Request r, String template, Map<String, String> extra) {
        send(tx, s, r, template, extra, "");
    }

    private void send(BranchTransaction tx, Setup s, Request r, String template, Map<String, String> extra, String keySuffix) {
        Map<String, String> p = params(s, r, r.language());
        p.putAll(extra);
        for (ContactAddress to : contacts(r)) {
            outbox.enqueue(tx, Notification.builder().key("request:" + r.id() + ":" + template + keySuffix + ":" + to.kind().name().toLowerCase())
                    .branch(r.branch()).recipient(to).recipientName(r.name()).template(template).language(r.language()).params(p).build());
        }
    }

    private static Map<String, String> params(Setup s, Request r, String language) {
        RequestType t = s.types().get(r.type());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("id", r.id());
        p.put("type", t == null ? r.type() : t.name(language));
        p.put("branch", s.branch().name(language));
        // the status page asks for the contact, its proof; the notifications make the path a link
        p.put("link", "/request?id=" + URLEncoder.encode(r.id(), StandardCharsets.UTF_8));
        return p;
    }

    private static List<ContactAddress> contacts(Request r) {
        List<ContactAddress> out = new ArrayList<>();
        if (r.email() != null) out.add(new ContactAddress(r.email(), ContactAddress.Kind.EMAIL));
        if (r.phone() != null) out.add(new ContactAddress(r.phone(), ContactAddress.Kind.PHONE));
        return out;
    }
}
