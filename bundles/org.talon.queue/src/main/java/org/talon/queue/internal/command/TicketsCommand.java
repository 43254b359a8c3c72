package org.talon.queue.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.talon.queue.api.Ticket;

@Command(scope = "talon", name = "tickets", description = "Lists the active tickets: waiting (in call order), called, serving and parked")
@Service
public class TicketsCommand extends QueueCommand {
    @Override
    Object run() throws Exception {
        ShellTable t = new ShellTable();
        t.column(text("col.number"));
        t.column(text("col.service"));
        t.column(text("col.queue"));
        t.column(text("col.priority"));
        t.column(text("col.state"));
        t.column(text("col.position")).alignRight();
        t.column(text("col.estimate")).alignRight();
        t.column(text("col.counter"));
        t.column(text("col.issuedAt"));
        for (Ticket k : queues.activeTickets(branch)) {
            t.addRow().addContent(k.number(), k.service(), k.queue(), k.priority(), state(k),
                    k.position() == 0 ? "" : k.position(), k.position() == 0 ? "" : minutes(k.estimatedWait()),
                    k.counter() == null ? "" : k.counter(), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").format(k.issuedAt().atZone(queues.branch(k.branch()).zone())));
        }
        t.print(System.out);
        return null;
    }
}
