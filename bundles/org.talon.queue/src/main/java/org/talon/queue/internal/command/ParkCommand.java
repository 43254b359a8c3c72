package org.talon.queue.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.queue.api.Ticket;

@Command(scope = "talon", name = "park", description = "Sets the counter's current ticket aside")
@Service
public class ParkCommand extends QueueCommand {
    @Argument(index = 0, name = "counter", required = true, description = "Counter id")
    @Completion(CounterCompleter.class)
    String counter;

    @Override
    Object run() throws Exception {
        Ticket t = queues.park(branch, counter);
        System.out.println(text("console.done", t.number(), state(t)));
        return null;
    }
}
