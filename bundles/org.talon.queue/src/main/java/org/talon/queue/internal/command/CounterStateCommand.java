package org.talon.queue.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.queue.api.Counter;

@Command(scope = "talon", name = "counter", description = "Opens, pauses or closes a counter")
@Service
public class CounterStateCommand extends QueueCommand {
    @Argument(index = 0, name = "counter", required = true, description = "Counter id")
    @Completion(CounterCompleter.class)
    String counter;

    @Argument(index = 1, name = "action", required = true, description = "open, pause or close")
    @Completion(value = org.apache.karaf.shell.support.completers.StringsCompleter.class, values = {"open", "pause", "close"})
    String action;

    @Option(name = "--operator", aliases = "-o", description = "Operator logging in when opening")
    String operator;

    @Override
    Object run() throws Exception {
        Counter c;
        switch (action.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "open" -> c = queues.open(branch, counter, operator);
            case "pause" -> c = queues.pause(branch, counter);
            case "close" -> c = queues.close(branch, counter);
            default -> {
                throw new IllegalArgumentException(text("console.counterAction", action));
            }
        }
        System.out.println(text("console.counter", c.id(), text("counterState." + c.state())));
        return null;
    }
}
