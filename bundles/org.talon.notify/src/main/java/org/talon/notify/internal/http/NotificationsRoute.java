package org.talon.notify.internal.http;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.BranchDirectory;
import org.talon.notify.api.MessageStatus;
import org.talon.notify.api.Notifications;
import org.talon.notify.internal.Texts;
import org.talon.web.api.ApiProblem;
import org.talon.web.api.Reply;
import org.talon.web.api.Role;
import org.talon.web.api.Route;
import org.talon.web.api.RouteRequest;
import org.talon.web.api.RouteSpec;

/** {@code GET /branches/{branch}/notifications?max=}: a manager follows the branch's messages, recipients masked. */
@Component(property = Route.DOMAIN + "=notify")
public final class NotificationsRoute implements Route {
    static final int DEFAULT_MAX = 50;
    static final int MAX = 500;

    private final Notifications notifications;
    private final BranchDirectory branches;

    @Activate
    public NotificationsRoute(@Reference Notifications notifications, @Reference BranchDirectory branches) {
        this.notifications = notifications;
        this.branches = branches;
    }

    @Override
    public RouteSpec spec() {
        return RouteSpec.builder("GET", "/branches/{branch}/notifications").roles(Role.MANAGER).responseList(MessageStatus.class)
                .answer(400, "max is not a whole number from 1 to " + MAX).answer(404, "No such branch")
                .summary("Lists the branch's notifications (e-mail and SMS), newest first, with their delivery status; recipients masked")
                .build();
    }

    @Override
    public Reply handle(RouteRequest r) throws Exception {
        String branch = r.path("branch");
        if (!branches.exists(branch)) throw new ApiProblem(404, "Not found", Texts.text(r.locale(), "notify.noBranch", branch));
        int max = max(r.query("max").orElse(null), r);
        List<MessageStatus> list = notifications.messages(branch, max);
        return Reply.ok(list);
    }

    static int max(String text, RouteRequest r) {
        if (text == null || text.isBlank()) return DEFAULT_MAX;
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= MAX) return n;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new ApiProblem(400, "Bad request", Texts.text(r.locale(), "notify.badMax", MAX));
    }
}
