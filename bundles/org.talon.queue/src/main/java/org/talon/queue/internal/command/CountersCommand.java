package org.talon.queue.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.talon.queue.api.Counter;

@Command(scope = "talon", name = "counters", description = "Lists the counters, their state and current ticket")
@Service
public class CountersCommand extends QueueCommand {
    @Override
    Object run() throws Exception {
        ShellTable t = new ShellTable();
        t.column(text("col.counter"));
        t.column(text("col.name"));
        t.column(text("col.profile"));
        t.column(text("col.state"));
        t.column(text("col.operator"));
        t.column(text("col.ticket"));
        for (Counter c : queues.counters(branch)) {
            t.addRow().addContent(c.id(), c.name(), c.profile(), text("counterState." + c.state()),
                    c.operator() == null ? "" : c.operator(),
                    c.currentTicket() == null ? "" : c.currentTicket().number() + " (" + state(c.currentTicket()) + ")");
        }
        t.print(System.out);
        return null;
    }
}
