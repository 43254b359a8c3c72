package org.talon.queue.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.talon.queue.api.Channel;
import org.talon.queue.api.CounterAction;
import org.talon.queue.api.CounterCommand;
import org.talon.queue.api.CounterResult;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TransferTarget;
import org.talon.queue.internal.engine.Messages;
import org.talon.web.api.ApiProblem;
import org.talon.web.api.Reply;
import org.talon.web.api.Role;
import org.talon.web.api.Route;
import org.talon.web.api.RouteRequest;
import org.talon.web.api.RouteSpec;

/**
 * The queue domain's HTTP routes, registered with the web bundle as {@link Route} services while
 * this component is active (so updating the queue bundle replaces them and nothing else).
 */
@Component(immediate = true)
public final class QueueRoutes {
    static final Set<Role> STAFF = Set.of(Role.MANAGER, Role.OPERATOR, Role.RECEPTION);
    static final Set<Role> ISSUERS = Set.of(Role.MANAGER, Role.OPERATOR, Role.RECEPTION, Role.KIOSK);
    static final Set<Role> COUNTER_STAFF = Set.of(Role.MANAGER, Role.OPERATOR);
    /** Anyone logged in: staff and devices. Only a customer's own ticket page is public. */
    static final Set<Role> ANY_LOGIN = Set.of(Role.MANAGER, Role.OPERATOR, Role.RECEPTION, Role.KIOSK, Role.DISPLAY);

    private final QueueService queues;
    private final RouteRegistrations routes;

    @Activate
    public QueueRoutes(@Reference QueueService queues, BundleContext context) {
        this.queues = queues;
        this.routes = new RouteRegistrations(context);
        route(RouteSpec.builder("GET", "/branches").roles(ANY_LOGIN).responseList(Views.BranchView.class).summary("Lists the branches"),
                r -> Reply.ok(queues.branches().stream().map(b -> new Views.BranchView(b.id(), b.name(), new java.util.TreeMap<>(b.names()), b.zone().getId(),
                        b.locales().stream().map(Locale::toLanguageTag).toList(), b.priorityAtKiosk())).toList()));
        route(inBranch("GET", "/branches/{branch}/services", ANY_LOGIN).responseList(Views.ServiceView.class)
                .summary("Lists a branch's services"),
                r -> Reply.ok(queues.services(r.path("branch")).stream().map(Views.ServiceView::of).toList()));
        route(inBranch("GET", "/branches/{branch}/queues", ANY_LOGIN).responseList(Views.QueueView.class)
                .summary("Each queue's length, longest wait and wait estimate"),
                r -> Reply.ok(queues.queues(r.path("branch")).stream().map(Views.QueueView::of).toList()));
        route(inBranch("GET", "/branches/{branch}/counters", ANY_LOGIN).responseList(Views.CounterView.class)
                .summary("The counters and their state"),
                r -> Reply.ok(queues.counters(r.path("branch")).stream().map(Views.CounterView::of).toList()));
        route(inBranch("GET", "/branches/{branch}/today", STAFF).responseList(Views.DayView.class)
                .summary("Per queue, the business day so far: tickets served, no-shows, cancelled"),
                r -> Reply.ok(queues.today(r.path("branch")).stream()
                        .map(d -> new Views.DayView(d.queue(), d.served(), d.noShows(), d.cancelled())).toList()));
        route(inBranch("GET", "/branches/{branch}/today.csv", STAFF).produces("text/csv")
                .summary("The business day so far as CSV (RFC 4180, UTF-8), one row per queue, for a spreadsheet"), this::todayCsv);
        route(inBranch("GET", "/branches/{branch}/tickets", STAFF).responseList(Views.TicketView.class)
                .summary("Active tickets, waiting ones in call order"),
                r -> Reply.ok(queues.activeTickets(r.path("branch")).stream().map(Views.TicketView::of).toList()));
        route(inBranch("POST", "/branches/{branch}/tickets", ISSUERS).requestType(Views.IssueBody.class)
                .responseType(Views.TicketView.class).status(201)
                .answer(403, "A kiosk asked for a priority ticket where the branch issues those only at reception")
                .answer(404, "No such branch or service")
                .answer(422, "The Idempotency-Key was used before with another request")
                .summary("Issues a ticket; an Idempotency-Key header makes a retry return the same ticket"), this::issue);
        // followed: the customer's phone asks with Accept: text/event-stream and gets each change
        routes.add(RouteSpec.builder("GET", "/tickets/{publicId}").roles(Role.PUBLIC).responseType(Views.PublicTicketView.class)
                .answer(404, "No ticket has this public id").answer(406, "Accept asks for a stream this route does not follow")
                .summary("A customer's own ticket by its public id: state, place in line, estimate, counter;"
                        + " as Server-Sent Events (update) with Accept: text/event-stream").build(),
                r -> queues.ticketByPublicId(r.path("publicId")).map(t -> Reply.ok(Views.PublicTicketView.of(t, serviceNames(t), counterOf(t))))
                        .orElseThrow(() -> new ApiProblem(404, "Not found", text(r, "http.ticket.unknownPublic"))),
                reply -> reply.body() instanceof Views.PublicTicketView v ? v.branch() : null);
        for (String action : List.of("open", "pause", "close", "call", "next", "recall", "serve", "finish", "noshow",
                "park", "transfer")) {
            Class<?> body = action.equals("open") ? Views.OpenBody.class
                    : action.equals("transfer") ? Views.TransferBody.class : null;
            RouteSpec.Builder spec = inBranch("POST", "/branches/{branch}/counters/{counter}/" + action, COUNTER_STAFF)
                    .requestType(body).summary("Counter action: " + action)
                    .answer(403, "An operator acting at a counter where another is logged in")
                    .answer(409, "Not possible in the counter's or its ticket's state (the detail says which)");
            boolean counterAnswer = List.of("open", "pause", "close").contains(action);
            spec.responseType(counterAnswer ? Views.CounterView.class : Views.TicketView.class);
            if (action.equals("call") || action.equals("next")) spec.answer(204, "No one is waiting for this counter");
            route(spec, r -> counterAction(r, action));
        }
    }

    /** The day so far as a manager takes it to a spreadsheet: a file named after the branch and the day. */
    private Reply todayCsv(RouteRequest r) throws java.io.IOException {
        String branch = r.path("branch");
        java.time.LocalDate day = java.time.LocalDate.now(queues.branch(branch).zone());
        StringBuilder out = new StringBuilder();
        org.apache.commons.csv.CSVFormat format = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader("queue", "served", "no_shows", "cancelled").get();
        try (org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(out, format)) {
            for (org.talon.queue.api.QueueDay d : queues.today(branch)) p.printRecord(d.queue(), d.served(), d.noShows(), d.cancelled());
        }
        String file = (branch + "-" + day).replaceAll("[^A-Za-z0-9_-]", "_") + ".csv";
        return Reply.text("text/csv", out.toString()).withHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    /** A route of one branch: an unknown branch is a 404. */
    private static RouteSpec.Builder inBranch(String method, String path, Set<Role> roles) {
        return RouteSpec.builder(method, path).roles(roles).answer(404, "No such branch (or counter, ticket, service)");
    }

    @Deactivate
    void deactivate() {
        routes.unregisterAll();
    }

    /** The names of a ticket's service by language, for the customer's page, which may not list services. */
    private java.util.Map<String, String> serviceNames(Ticket t) {
        return queues.services(t.branch()).stream().filter(s -> s.code().equals(t.service()))
                .map(org.talon.queue.api.Service::names).findFirst().orElse(java.util.Map.of());
    }

    /** The counter a ticket is at, for its names ("Window 3", "Stanowisko 3") on the customer's page, which may not list counters. */
    private org.talon.queue.api.Counter counterOf(org.talon.queue.api.Ticket t) {
        if (t.counter() == null) return null;
        return queues.counters(t.branch()).stream().filter(c -> c.id().equals(t.counter())).findFirst().orElse(null);
    }

    private void route(RouteSpec.Builder spec, RouteRegistrations.Handler handler) {
        routes.add(spec.build(), handler);
    }

    /**
     * A text of this bundle in the caller's language. Titles stay English here: the web bundle
     * writes each problem's title in the caller's language from its status.
     */
    static String text(RouteRequest r, String key, Object... args) {
        return Messages.text(r.locale(), key, args);
    }

    static ApiProblem problem(QueueException e, Locale locale) {
        String detail = Messages.localized(e, locale);
        return switch (e.reason()) {
            case NOT_FOUND -> new ApiProblem(404, "Not found", detail);
            case ILLEGAL_STATE -> new ApiProblem(409, "Conflict", detail);
            case INVALID -> new ApiProblem(400, "Bad request", detail);
            case UNAVAILABLE -> new ApiProblem(503, "Service unavailable", detail);
            case FORBIDDEN -> new ApiProblem(403, "Forbidden", detail);
            case KEY_REUSED -> new ApiProblem(422, "Unprocessable content", detail);
        };
    }

    private Reply issue(RouteRequest r) {
        Views.IssueBody b = r.body(Views.IssueBody.class);
        if (b.service() == null || b.service().isBlank()) throw new ApiProblem(400, "Bad request", text(r, "http.field.required", "service"));
        PriorityClass priority = null;
        if (b.priority() != null) {
            try {
                priority = PriorityClass.valueOf(b.priority().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "Bad request", text(r, "http.priority.invalid"));
            }
        }
        if (priority == PriorityClass.PRIORITY && r.roles().equals(Set.of(Role.KIOSK))
                && !queues.branch(r.path("branch")).priorityAtKiosk()) {
            throw new ApiProblem(403, "Forbidden", text(r, "http.priority.notAtKiosk"));
        }
        Channel channel = r.roles().contains(Role.KIOSK) ? Channel.KIOSK
                : r.roles().contains(Role.RECEPTION) ? Channel.RECEPTION : Channel.API;
        Ticket t = queues.issue(IssueRequest.builder().branch(r.path("branch")).service(b.service()).priority(priority).channel(channel)
                .language(b.language()).contact(b.contact()).idempotencyKey(r.header("Idempotency-Key").orElse(null)).issuedBy(r.user()).build());
        return Reply.created(Views.TicketView.of(t));
    }

    /**
     * A counter action for the caller. Who may do it is checked by the engine in the same step
     * as the action (an operator only at the counter where they are logged in), never by a
     * separate read beforehand that could be out of date when the action runs.
     */
    private Reply counterAction(RouteRequest r, String action) {
        boolean supervisor = r.roles().contains(Role.ADMIN) || r.roles().contains(Role.MANAGER);
        CounterAction a = switch (action) {
            case "open" -> CounterAction.OPEN;
            case "pause" -> CounterAction.PAUSE;
            case "close" -> CounterAction.CLOSE;
            case "call" -> CounterAction.CALL;
            case "next" -> CounterAction.NEXT;
            case "recall" -> CounterAction.RECALL;
            case "serve" -> CounterAction.SERVE;
            case "finish" -> CounterAction.FINISH;
            case "noshow" -> CounterAction.NO_SHOW;
            case "park" -> CounterAction.PARK;
            case "transfer" -> CounterAction.TRANSFER;
            default -> throw new ApiProblem(404, "Not found", text(r, "http.action.unknown", action));
        };
        String operator = a == CounterAction.OPEN && supervisor
                ? optionalBody(r, Views.OpenBody.class).map(Views.OpenBody::operator).orElse(null) : null;
        TransferTarget target = a == CounterAction.TRANSFER ? target(r, r.body(Views.TransferBody.class)) : null;
        CounterResult done = queues.act(CounterCommand.builder().branch(r.path("branch")).counter(r.path("counter")).action(a)
                .actor(r.user()).supervisor(supervisor).operator(operator).target(target).build());
        return switch (a) {
            case OPEN, PAUSE, CLOSE -> Reply.ok(Views.CounterView.of(done.counter()));
            case CALL, NEXT -> done.ticket() == null ? Reply.noContent() : Reply.ok(Views.TicketView.of(done.ticket()));
            default -> Reply.ok(Views.TicketView.of(done.ticket()));
        };
    }

    private static <T> Optional<T> optionalBody(RouteRequest r, Class<T> type) {
        return r.hasBody() ? Optional.of(r.body(type)) : Optional.empty();
    }

    private static TransferTarget target(RouteRequest r, Views.TransferBody b) {
        int given = (b.queue() != null ? 1 : 0) + (b.counter() != null ? 1 : 0) + (b.operator() != null ? 1 : 0);
        if (given != 1) throw new ApiProblem(400, "Bad request", text(r, "http.transfer.target"));
        boolean first = Boolean.TRUE.equals(b.first());
        if (b.queue() != null) return TransferTarget.builder().kind(TransferTarget.Kind.QUEUE).id(b.queue()).first(first).build();
        if (b.counter() != null) return TransferTarget.builder().kind(TransferTarget.Kind.COUNTER).id(b.counter()).first(first).build();
        return TransferTarget.builder().kind(TransferTarget.Kind.OPERATOR).id(b.operator()).first(first).build();
    }
}
