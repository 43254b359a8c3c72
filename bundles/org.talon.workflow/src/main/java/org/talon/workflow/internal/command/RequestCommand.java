package org.talon.workflow.internal.command;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.talon.queue.api.Branch;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.WorkflowException;
import org.talon.workflow.internal.WorkflowComponent;
import org.talon.workflow.internal.engine.Messages;
import org.talon.workflow.internal.engine.Requests;

/**
 * What every request command shares: the engine, the {@code --branch} option (left out: the one
 * branch that takes requests), and a refusal told as the console's message.
 */
abstract class RequestCommand implements Action {
    @Reference
    WorkflowComponent workflow;

    @Reference
    QueueService queues;

    @Option(name = "--branch", aliases = "-b", description = "Branch id; may be left out when only one branch takes requests")
    String branch;

    @Override
    public final Object execute() throws Exception {
        try {
            return run();
        } catch (WorkflowException e) {
            StringBuilder b = new StringBuilder(Messages.localized(e, Locale.getDefault()));
            for (WorkflowException.FieldError f : e.fields()) b.append("\n  ").append(f.field()).append(": ").append(Messages.localized(f, Locale.getDefault()));
            throw new CommandException(b.toString());
        } catch (QueueException | IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    abstract Object run() throws Exception;

    Requests requests() {
        return workflow.requests();
    }

    static String text(String key, Object... args) {
        return Messages.text(Locale.getDefault(), key, args);
    }

    /** The branch asked for, or the only one that takes requests. */
    String branch() {
        if (branch != null) return branch.strip();
        List<String> taking = queues.branches().stream().map(Branch::id).filter(b -> !requests().types(b).isEmpty()).toList();
        if (taking.size() == 1) return taking.get(0);
        throw new IllegalArgumentException(text("console.whichBranch", String.join(", ", taking)));
    }

    String line(Request r) {
        Duration left = requests().timeLeft(r);
        String sla = left == null ? (r.open() ? text("console.clockStopped") : "") : hours(left);
        return String.format("%-16s %-10s %-21s %-10s %8s %s%s", r.id(), r.type(), r.state().name(), r.assignee() == null ? "-" : r.assignee(), sla,
                r.overdue() ? text("console.overdue") + " " : r.warned() ? text("console.atRisk") + " " : "", r.name() == null ? "" : r.name());
    }

    /** Business time as hours and minutes, negative when overdue. */
    static String hours(Duration d) {
        long m = Math.abs(d.toMinutes());
        return (d.isNegative() ? "-" : "") + (m / 60) + "h" + String.format("%02d", m % 60);
    }
}
