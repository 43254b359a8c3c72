package org.talon.queue.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TransferTarget;

@Command(scope = "talon", name = "transfer", description = "Sends the counter's current ticket to a queue, another counter or an operator's pool")
@Service
public class TransferCommand extends QueueCommand {
    @Argument(index = 0, name = "counter", required = true, description = "Counter holding the ticket")
    @Completion(CounterCompleter.class)
    String counter;

    @Option(name = "--queue", aliases = "-q", description = "Queue to wait in next")
    @Completion(QueueIdCompleter.class)
    String queue;

    @Option(name = "--to-counter", aliases = "-c", description = "Counter to be called at next")
    @Completion(CounterCompleter.class)
    String toCounter;

    @Option(name = "--operator", aliases = "-o", description = "Operator whose pool it goes to")
    String operator;

    @Option(name = "--first", description = "Go to the head of the line instead of its end")
    boolean first;

    @Override
    Object run() throws Exception {
        int given = (queue != null ? 1 : 0) + (toCounter != null ? 1 : 0) + (operator != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(text("console.transferTarget"));
        }
        TransferTarget target = TransferTarget.builder().first(first)
                .kind(queue != null ? TransferTarget.Kind.QUEUE : toCounter != null ? TransferTarget.Kind.COUNTER : TransferTarget.Kind.OPERATOR)
                .id(queue != null ? queue : toCounter != null ? toCounter : operator).build();
        Ticket t = queues.transfer(branch, counter, target);
        System.out.println(text("console.done", t.number(), state(t)));
        return null;
    }
}
