package org.talon.workflow.internal.command;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestPage;
import org.talon.workflow.api.RequestQuery;
import org.talon.workflow.api.RequestState;

@Service
@Command(scope = "talon", name = "requests", description = "Lists a branch's requests, soonest due first: id, type, state, assignee, business time left")
public final class RequestsCommand extends RequestCommand {
    @Option(name = "--state", aliases = "-s", description = "Only these states, comma separated (default: the open ones)")
    String state;

    @Option(name = "--assignee", aliases = "-a", description = "Only those a staff member holds (- for nobody's)")
    String assignee;

    @Option(name = "--type", aliases = "-t", description = "Only of this type")
    String type;

    @Option(name = "--overdue", description = "Only the overdue")
    boolean overdue;

    @Option(name = "--limit", aliases = "-n", description = "At most this many (default 50)")
    int limit = 50;

    @Override
    Object run() {
        Set<RequestState> states = EnumSet.noneOf(RequestState.class);
        if (state != null) {
            for (String s : state.split(",")) {
                try {
                    states.add(RequestState.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(text("query.badState", s.strip()), e);
                }
            }
        }
        RequestPage page = requests().list(new RequestQuery(branch(), states, type, assignee, overdue ? Boolean.TRUE : null, 0, limit));
        for (Request r : page.items()) System.out.println(line(r));
        System.out.println(text("console.count", page.items().size(), page.total()));
        return null;
    }
}
