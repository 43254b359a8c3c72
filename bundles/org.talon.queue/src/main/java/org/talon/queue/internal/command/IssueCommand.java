package org.talon.queue.internal.command;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.queue.api.Channel;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.Ticket;

@Command(scope = "talon", name = "issue", description = "Issues a ticket for a service and prints its number")
@Service
public class IssueCommand extends QueueCommand {
    @Argument(index = 0, name = "service", required = true, description = "Service code, e.g. A")
    @Completion(ServiceCompleter.class)
    String service;

    @Option(name = "--priority", aliases = "-p", description = "NORMAL, PRIORITY, APPOINTMENT or VIP")
    @Completion(value = org.apache.karaf.shell.support.completers.StringsCompleter.class,
            values = {"NORMAL", "PRIORITY", "APPOINTMENT", "VIP"})
    String priority;

    @Option(name = "--language", aliases = "-l", description = "Customer's language, e.g. pl")
    String language;

    @Option(name = "--contact", description = "Phone or e-mail for notifications")
    String contact;

    @Override
    Object run() throws Exception {
        PriorityClass p = null;
        if (priority != null) {
            try {
                p = PriorityClass.valueOf(priority.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(text("console.badPriority", priority));
            }
        }
        Ticket t = queues.issue(IssueRequest.builder().branch(branch).service(service).priority(p).channel(Channel.CONSOLE)
                .language(language).contact(contact).build());
        String name = queues.services(t.branch()).stream().filter(s -> s.code().equals(t.service())).findFirst()
                .map(s -> s.name(Locale.getDefault().getLanguage())).orElse(t.service());
        System.out.println(text("console.issued", t.number(), name, t.position() - 1, minutes(t.estimatedWait())));
        return null;
    }
}
