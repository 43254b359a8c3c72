package org.talon.queue.internal.command;

import java.util.Optional;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.queue.api.Ticket;

@Command(scope = "talon", name = "call", description = "Calls the next customer to a counter and prints the number")
@Service
public class CallCommand extends QueueCommand {
    @Argument(index = 0, name = "counter", required = true, description = "Counter id")
    @Completion(CounterCompleter.class)
    String counter;

    @Override
    Object run() throws Exception {
        // a call at a closed counter opens it (the operator is there, calling); it is said, not silent
        boolean closed = queues.counters(branch).stream()
                .anyMatch(c -> c.id().equals(counter) && c.state() == org.talon.queue.api.CounterState.CLOSED);
        Optional<Ticket> t = queues.call(branch, counter);
        if (closed) System.out.println(text("console.openedByCall", counter));
        System.out.println(t.map(k -> text("console.called", k.number(), counter)).orElse(text("console.nobody", counter)));
        return null;
    }
}
