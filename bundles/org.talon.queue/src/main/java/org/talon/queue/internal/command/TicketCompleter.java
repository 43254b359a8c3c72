package org.talon.queue.internal.command;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.talon.queue.api.QueueService;

/** Completes numbers of active tickets. */
@Service
public class TicketCompleter implements Completer {
    @Reference
    QueueService queues;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter s = new StringsCompleter();
        queues.branches().forEach(b -> queues.activeTickets(b.id()).forEach(t -> s.getStrings().add(t.number())));
        return s.complete(session, commandLine, candidates);
    }
}
