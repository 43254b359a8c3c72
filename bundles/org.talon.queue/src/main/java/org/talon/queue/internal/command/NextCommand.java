package org.talon.queue.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "talon", name = "next", description = "Finishes the counter's current ticket and calls the next customer")
@Service
public class NextCommand extends QueueCommand {
    @Argument(index = 0, name = "counter", required = true, description = "Counter id")
    @Completion(CounterCompleter.class)
    String counter;

    @Override
    Object run() throws Exception {
        System.out.println(queues.next(branch, counter).map(k -> text("console.called", k.number(), counter))
                .orElse(text("console.nobody", counter)));
        return null;
    }
}
