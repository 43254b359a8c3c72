package org.talon.queue.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.queue.api.Ticket;

@Command(scope = "talon", name = "cancel", description = "Cancels a waiting or parked ticket")
@Service
public class CancelCommand extends QueueCommand {
    @Argument(index = 0, name = "ticket", required = true, description = "Ticket number, e.g. A042")
    @Completion(TicketCompleter.class)
    String ticket;

    @Override
    Object run() throws Exception {
        Ticket t = queues.cancel(branch, ticket);
        System.out.println(text("console.done", t.number(), state(t)));
        return null;
    }
}
