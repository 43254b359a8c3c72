package org.talon.queue.internal.command;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.talon.queue.api.QueueService;

/** Completes counter ids of all branches. */
@Service
public class CounterCompleter implements Completer {
    @Reference
    QueueService queues;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter s = new StringsCompleter();
        queues.branches().forEach(b -> queues.counters(b.id()).forEach(c -> s.getStrings().add(c.id())));
        return s.complete(session, commandLine, candidates);
    }
}
