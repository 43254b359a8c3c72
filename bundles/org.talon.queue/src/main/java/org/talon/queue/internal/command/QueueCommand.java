package org.talon.queue.internal.command;

import java.time.Duration;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Ticket;
import org.talon.queue.internal.engine.Messages;

/**
 * What every {@code talon:} command shares: the engine, the {@code --branch} option, and how a
 * refusal is told: as the console's message (a user's mistake, not an error with a stack trace
 * in karaf.log; Karaf logs a {@code CommandException} at debug level only).
 */
abstract class QueueCommand implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            return run();
        } catch (QueueException e) {
            throw new CommandException(Messages.localized(e, Locale.getDefault()));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    /** The command itself; a refusal is thrown as a QueueException or IllegalArgumentException. */
    abstract Object run() throws Exception;

    @Reference
    QueueService queues;

    @Option(name = "--branch", aliases = "-b", description = "Branch id; may be left out when there is only one branch")
    @org.apache.karaf.shell.api.action.Completion(BranchCompleter.class)
    String branch;

    static String text(String key, Object... args) {
        return Messages.text(Locale.getDefault(), key, args);
    }

    static String state(Ticket t) {
        return text("state." + t.state());
    }

    static String minutes(Duration d) {
        if (d == null) return "-";
        long s = d.toSeconds();
        return s < 60 ? s + " s" : (s + 30) / 60 + " min";
    }
}
