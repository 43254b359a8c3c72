package org.talon.example.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.BranchDirectory;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventLog;
import org.talon.event.api.text.Texts;
import org.talon.web.api.ApiProblem;
import org.talon.web.api.MaxLength;
import org.talon.web.api.Reply;
import org.talon.web.api.Role;
import org.talon.web.api.Route;
import org.talon.web.api.RouteRequest;
import org.talon.web.api.RouteSpec;

/** {@code POST /branches/{branch}/notices}: a manager posts a notice for the hall; it is the event {@value #POSTED}. */
@Component(property = Route.DOMAIN + "=example")
public final class PostNotice implements Route {
    static final String POSTED = "NoticePosted";
    static final Texts TEXTS = Texts.of(PostNotice.class, "org.talon.example.internal.messages");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is posted. */
    public static final class NoticeBody {
        @MaxLength(200)
        public String text;
    }

    /** What is answered: the notice with its place in the branch's log. */
    public static final class Notice {
        public long sequence;
        public String text;
    }

    private final EventLog log;
    private final BranchDirectory branches;

    @Activate
    public PostNotice(@Reference EventLog log, @Reference BranchDirectory branches) {
        this.log = log;
        this.branches = branches;
    }

    @Override
    public RouteSpec spec() {
        return RouteSpec.builder("POST", "/branches/{branch}/notices").roles(Role.MANAGER).requestType(NoticeBody.class)
                .responseType(Notice.class).status(201).answer(404, "No such branch").summary("Posts a notice for the hall").build();
    }

    @Override
    public Reply handle(RouteRequest r) throws Exception {
        String branch = r.path("branch");
        if (!branches.exists(branch)) throw new ApiProblem(404, "Not found", TEXTS.text(r.locale(), "notice.noBranch", branch));
        NoticeBody body = r.hasBody() ? r.body(NoticeBody.class) : null;
        if (body == null || body.text == null || body.text.isBlank()) {
            throw new ApiProblem(400, "Bad request", TEXTS.text(r.locale(), "notice.noText"));
        }
        String payload = JSON.writeValueAsString(Map.of("text", body.text));
        DomainEvent e = log.submit(branch, tx -> tx.append(POSTED, payload)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        Notice n = new Notice();
        n.sequence = e.sequence();
        n.text = body.text;
        return Reply.created(n);
    }
}
