package org.talon.queue.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.talon.queue.api.QueueStatus;

@Command(scope = "talon", name = "queues", description = "Shows each queue's length, longest wait and wait estimate")
@Service
public class QueuesCommand extends QueueCommand {
    @Override
    Object run() throws Exception {
        ShellTable t = new ShellTable();
        t.column(text("col.queue"));
        t.column(text("col.services"));
        t.column(text("col.waiting")).alignRight();
        t.column(text("col.longestWait")).alignRight();
        t.column(text("col.estimate")).alignRight();
        t.column(text("col.openCounters")).alignRight();
        for (QueueStatus q : queues.queues(branch)) {
            t.addRow().addContent(q.id(), String.join(",", q.services()), q.waiting(), minutes(q.longestWait()),
                    minutes(q.estimate()), q.openCounters());
        }
        t.print(System.out);
        return null;
    }
}
