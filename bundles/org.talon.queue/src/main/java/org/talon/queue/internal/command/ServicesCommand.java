package org.talon.queue.internal.command;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "talon", name = "services", description = "Lists the services of a branch")
@Service
public class ServicesCommand extends QueueCommand {
    @Override
    Object run() throws Exception {
        ShellTable t = new ShellTable();
        t.column(text("col.code"));
        t.column(text("col.name"));
        t.column(text("col.prefix"));
        t.column(text("col.queue"));
        t.column(text("col.targetWait"));
        t.column(text("col.expectedService"));
        String lang = Locale.getDefault().getLanguage();
        for (org.talon.queue.api.Service s : queues.services(branch)) {
            t.addRow().addContent(s.code(), s.name(lang), s.prefix(), s.queue(), minutes(s.targetWait()),
                    minutes(s.expectedServiceTime()));
        }
        t.print(System.out);
        return null;
    }
}
