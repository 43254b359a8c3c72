package org.talon.notify.internal.command;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;
import org.talon.notify.api.MessageStatus;
import org.talon.notify.api.Notifications;
import org.talon.notify.internal.Texts;
import org.talon.queue.api.Branch;
import org.talon.queue.api.QueueService;

@Command(scope = "talon", name = "notifications", description = "Lists the notifications (e-mail and SMS) of a branch or of all branches,"
        + " newest first, with their delivery status; recipients masked")
@Service
public class NotificationsCommand implements Action {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Reference
    Notifications notifications;

    @Reference
    QueueService queues;

    @Argument(index = 0, name = "branch", description = "Branch id; all branches when left out", required = false)
    @Completion(BranchCompleter.class)
    String branch;

    @Option(name = "--max", aliases = "-n", description = "How many messages at most (default 50)")
    int max = 50;

    @Override
    public Object execute() throws Exception {
        Locale l = Locale.getDefault();
        if (max < 1 || max > 10_000) throw new CommandException(Texts.text(l, "cmd.badMax"));
        List<MessageStatus> list = new ArrayList<>();
        ZoneId zone = ZoneId.systemDefault();
        if (branch != null) {
            Branch b = queues.branches().stream().filter(x -> x.id().equals(branch)).findFirst()
                    .orElseThrow(() -> new CommandException(Texts.text(l, "notify.noBranch", branch)));
            zone = b.zone();
            list.addAll(notifications.messages(branch, max));
        } else {
            for (Branch b : queues.branches()) list.addAll(notifications.messages(b.id(), max));
            list.sort(Comparator.comparing(MessageStatus::created).reversed());
            if (list.size() > max) list = new ArrayList<>(list.subList(0, max));
        }
        ShellTable t = new ShellTable();
        for (String c : List.of("created", "branch", "template", "channel", "recipient", "state", "attempts", "next", "sent", "lastError")) {
            t.column(Texts.text(l, "col." + c));
        }
        for (MessageStatus m : list) {
            t.addRow().addContent(time(m.created(), zone), m.branch(), m.template(), m.channel(), m.recipient() == null ? "-" : m.recipient(),
                    Texts.text(l, "state." + m.state().name()), m.attempts(), time(m.nextAttempt(), zone), time(m.sent(), zone),
                    m.lastError() == null ? "" : m.lastError());
        }
        t.print(System.out);
        return null;
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }
}
