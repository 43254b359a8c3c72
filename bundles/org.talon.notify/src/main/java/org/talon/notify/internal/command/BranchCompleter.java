package org.talon.notify.internal.command;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.talon.queue.api.Branch;
import org.talon.queue.api.QueueService;

/** Completes branch ids. */
@Service
public class BranchCompleter implements Completer {
    @Reference
    QueueService queues;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter s = new StringsCompleter();
        for (Branch b : queues.branches()) s.getStrings().add(b.id());
        return s.complete(session, commandLine, candidates);
    }
}
