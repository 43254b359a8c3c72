package org.talon.event.internal.command;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.event.internal.privacy.Retention;

@Command(scope = "talon", name = "retention",
        description = "Shows how long contact data is kept and where; with --run erases now what passed the period")
@Service
public class RetentionCommand implements Action {
    @Reference
    Retention retention;

    @Option(name = "--run", description = "Erase now the contact data of what ended before the period (it also runs by itself)")
    boolean run;

    @Override
    public Object execute() {
        System.out.println(EraseContactCommand.text("retention.policy", retention.retentionDays(), String.join(", ", retention.holders())));
        if (run) {
            Map<String, Integer> erased = retention.eraseExpired();
            System.out.println(EraseContactCommand.text("retention.erased", EraseContactCommand.describe(erased), retention.cutoff()));
        }
        return null;
    }
}
