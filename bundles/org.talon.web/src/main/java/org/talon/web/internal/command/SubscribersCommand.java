package org.talon.web.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** The durable subscribers on the console: how far each is in each branch's log, and what holds it up. */
@Command(scope = "talon", name = "subscribers", description = "Lists the durable subscribers and where each stands in each branch's log")
@Service
public class SubscribersCommand implements Action {
    @Reference
    org.talon.event.api.EventLog log;

    @Override
    public Object execute() throws Exception {
        java.util.List<org.talon.event.api.SubscriberStatus> all = log.subscribers();
        if (all.isEmpty()) {
            System.out.println(DeviceCommands.text("console.subscribersNone"));
            return null;
        }
        org.apache.karaf.shell.support.table.ShellTable t = new org.apache.karaf.shell.support.table.ShellTable();
        t.column(DeviceCommands.text("col.subscriber"));
        t.column(DeviceCommands.text("col.branch"));
        t.column(DeviceCommands.text("col.position")).alignRight();
        t.column(DeviceCommands.text("col.behind")).alignRight();
        t.column(DeviceCommands.text("col.problem"));
        for (org.talon.event.api.SubscriberStatus s : all) {
            t.addRow().addContent(s.name(), s.branch(), s.position(), s.behind(), s.problem() == null ? "" : s.problem());
        }
        t.print(System.out);
        return null;
    }
}
