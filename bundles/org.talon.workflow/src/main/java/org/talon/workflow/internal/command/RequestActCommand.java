package org.talon.workflow.internal.command;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.workflow.api.Action;
import org.talon.workflow.api.Actor;
import org.talon.workflow.api.Request;

@Service
@Command(scope = "talon", name = "request-act", description = "Acts on a request as a manager: ASSIGN <staff>, START, WAIT, RESUME, READY, COMPLETE, COLLECT, REJECT, CANCEL")
public final class RequestActCommand extends RequestCommand {
    @Argument(index = 0, name = "id", required = true, description = "The request's id")
    String id;

    @Argument(index = 1, name = "action", required = true, description = "ASSIGN, START, WAIT, RESUME, READY, COMPLETE, COLLECT, REJECT or CANCEL")
    String action;

    @Argument(index = 2, name = "assignee", description = "For ASSIGN: the staff member")
    String assignee;

    @Option(name = "--note", aliases = "-m", description = "The result, the reason of a rejection, or a note")
    String note;

    @Override
    Object run() {
        Action a;
        try {
            a = Action.valueOf(action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(text("action.unknown", action), e);
        }
        Request r = requests().act(id, a, Actor.manager("console"), assignee, note);
        System.out.println(line(r));
        return null;
    }
}
