package org.talon.workflow.internal.command;

import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.workflow.api.HistoryEntry;
import org.talon.workflow.api.Request;

@Service
@Command(scope = "talon", name = "request", description = "Shows a request: its form, its SLA and its history (who did what when)")
public final class RequestShowCommand extends RequestCommand {
    @Argument(index = 0, name = "id", required = true, description = "The request's id, e.g. DEMO-2026-000001")
    String id;

    @Override
    Object run() {
        Request r = requests().request(id).orElseThrow(() -> new IllegalArgumentException(text("request.notFound", id)));
        System.out.println(line(r));
        for (Map.Entry<String, String> f : r.fields().entrySet()) System.out.println("  " + f.getKey() + ": " + f.getValue());
        if (r.result() != null) System.out.println("  " + text("console.result") + ": " + r.result());
        for (HistoryEntry h : requests().history(r.id())) {
            System.out.println(String.format("  %s %-20s %-10s %s%s", h.at(), h.what(), h.by(),
                    h.to() == null ? "" : (h.from() == null ? "" : h.from() + " -> ") + h.to() + " ", h.detail() == null ? "" : h.detail()));
        }
        return null;
    }
}
