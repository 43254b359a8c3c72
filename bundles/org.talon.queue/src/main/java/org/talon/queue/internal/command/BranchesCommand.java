package org.talon.queue.internal.command;

import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.talon.queue.api.Branch;

@Command(scope = "talon", name = "branches", description = "Lists the branches")
@Service
public class BranchesCommand extends QueueCommand {
    @Override
    Object run() throws Exception {
        ShellTable t = new ShellTable();
        t.column(text("col.branch"));
        t.column(text("col.name"));
        t.column(text("col.timeZone"));
        t.column(text("col.languages"));
        for (Branch b : queues.branches()) {
            t.addRow().addContent(b.id(), b.name(), b.zone().getId(),
                    b.locales().stream().map(java.util.Locale::toLanguageTag).collect(Collectors.joining(",")));
        }
        t.print(System.out);
        return null;
    }
}
