package org.talon.workflow.internal.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.queue.api.Channel;
import org.talon.web.api.ApiProblem;
import org.talon.web.api.Reply;
import org.talon.web.api.Role;
import org.talon.web.api.Route;
import org.talon.web.api.RouteRequest;
import org.talon.web.api.RouteSpec;
import org.talon.workflow.api.Action;
import org.talon.workflow.api.Actor;
import org.talon.workflow.api.HistoryEntry;
import org.talon.workflow.api.Intake;
import org.talon.workflow.api.NewRequest;
import org.talon.workflow.api.PickupTicket;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestField;
import org.talon.workflow.api.RequestPage;
import org.talon.workflow.api.RequestQuery;
import org.talon.workflow.api.RequestState;
import org.talon.workflow.api.RequestType;
import org.talon.workflow.api.WorkflowEvents;
import org.talon.workflow.api.WorkflowException;
import org.talon.workflow.internal.WorkflowComponent;
import org.talon.workflow.internal.engine.Messages;
import org.talon.workflow.internal.engine.Requests;

/**
 * The workflow domain's routes: the public ones (the request types and their forms, intake from
 * the web form, a customer's status page and messages with their contact as proof), the staff
 * work list and actions, the manager's view of staff, and the kiosk's pickup ticket.
 */
@Component(service = {})
public final class RequestRoutes {
    private static final Set<Role> STAFF = Set.of(Role.OPERATOR, Role.MANAGER, Role.RECEPTION);
    private static final Role[] PUBLIC = {Role.PUBLIC};

    /** Requests one contact may register per hour on the public form. */
    static final int INTAKE_PER_HOUR = 10;
    /** Wrong contacts given for one id in 15 minutes before the id is locked for the rest of them. */
    static final int WRONG_PROOFS = 5;

    private final Requests requests;
    private final List<ServiceRegistration<Route>> registrations = new ArrayList<>();
    private final Throttle perContact = new Throttle(INTAKE_PER_HOUR, java.time.Duration.ofHours(1), java.time.Clock.systemUTC());
    private final Throttle perId = new Throttle(WRONG_PROOFS, java.time.Duration.ofMinutes(15), java.time.Clock.systemUTC());

    @Activate
    public RequestRoutes(BundleContext context, @Reference WorkflowComponent workflow) {
        this.requests = workflow.requests();
        add(context, RouteSpec.builder("GET", "/branches/{branch}/request-types").roles(PUBLIC).responseList(Views.TypeView.class)
                .answer(404, "No such branch, or it takes no requests").summary("The request types a branch takes, each with its form").build(),
                r -> {
                    List<RequestType> types = requests.types(r.path("branch"));
                    if (types.isEmpty()) throw new ApiProblem(404, "Not found", Messages.text(r.locale(), "branch.notFound", r.path("branch")));
                    return Reply.ok(types.stream().map(t -> Views.TypeView.of(t, r.locale().getLanguage())).toList());
                });
        add(context, RouteSpec.builder("POST", "/branches/{branch}/requests").roles(PUBLIC).requestType(Views.RegisterBody.class)
                .responseType(Views.RequestView.class).status(201)
                .answer(400, "The form has wrong values: each is named in invalid-params").answer(404, "No such branch or request type")
                .answer(429, "Too many requests from one contact on the public form")
                .summary("Registers a request: from the public web form, or by staff (contact centre, counter) and other systems").build(), this::register);
        add(context, RouteSpec.builder("GET", "/requests").roles(STAFF).responseType(Views.PageView.class).answer(400, "A filter is wrong")
                .summary("A work list, soonest due first (query: branch, state (comma separated), type, assignee (- for nobody), overdue, offset, limit)")
                .build(), this::list);
        add(context, RouteSpec.builder("GET", "/requests/{id}").roles(STAFF).responseType(Views.RequestView.class).answer(404, "No such request")
                .summary("A request with its history").build(), r -> {
                    Request q = requests.request(r.path("id")).orElseThrow(() -> notFound(r));
                    return Reply.ok(view(q, r.locale(), requests.history(q.id())));
                });
        add(context, RouteSpec.builder("POST", "/requests/{id}/actions").roles(STAFF).requestType(Views.ActionBody.class)
                .responseType(Views.RequestView.class).answer(400, "No such action, or a reason is missing").answer(403, "Not the holder, or not a manager")
                .answer(404, "No such request or staff member").answer(409, "The action is not allowed in the request's state")
                .summary("Acts on a request: ASSIGN (managers), TAKE, START, WAIT, RESUME, READY, COMPLETE, COLLECT, REJECT, CANCEL").build(), this::act);
        add(context, RouteSpec.builder("POST", "/branches/{branch}/requests/next").roles(Role.OPERATOR, Role.MANAGER).responseType(Views.RequestView.class)
                .answer(404, "Nothing waits that the caller has the skills for").summary("Takes the next open request nobody holds that the caller can work on")
                .build(), r -> {
                    Request q = requests.takeNext(r.path("branch"), actor(r))
                            .orElseThrow(() -> new ApiProblem(404, "Not found", Messages.text(r.locale(), "next.none")));
                    return Reply.ok(view(q, r.locale(), null));
                });
        add(context, RouteSpec.builder("GET", "/branches/{branch}/request-staff").roles(Role.MANAGER).responseList(Views.StaffView.class)
                .answer(404, "No such branch, or it takes no requests").summary("Who works on requests: skills, load, on duty").build(),
                r -> Reply.ok(requests.staff(r.path("branch")).stream().map(Views.StaffView::of).toList()));
        add(context, RouteSpec.builder("GET", "/requests/{id}/status").roles(PUBLIC).responseType(Views.StatusView.class)
                .answer(400, "No contact given").answer(404, "No request with that id and contact").answer(429, "Too many wrong contacts for the id")
                .summary("A customer's request by its id, with its phone number or e-mail address as proof (query: contact)").build(),
                r -> Reply.ok(status(proven(r), r.locale())));
        add(context, RouteSpec.builder("POST", "/requests/{id}/messages").roles(PUBLIC).requestType(Views.MessageBody.class)
                .responseType(Views.StatusView.class).answer(404, "No request with that id and contact").answer(409, "Not a consultation, or closed")
                .summary("Adds a message to a consultation: a customer with the contact as proof (query: contact), or its staff member").build(),
                this::message);
        add(context, RouteSpec.builder("DELETE", "/requests/{id}").roles(PUBLIC).responseType(Views.StatusView.class)
                .answer(404, "No request with that id and contact").answer(409, "The request is closed")
                .summary("A customer withdraws their request, with its contact as proof (query: contact)").build(), r -> {
                    Request q = proven(r);
                    return Reply.ok(status(requests.act(q.id(), Action.CANCEL, Actor.CUSTOMER, null, null), r.locale()));
                });
        add(context, RouteSpec.builder("POST", "/requests/{id}/pickup").roles(Role.KIOSK, Role.RECEPTION).responseType(Views.PickupView.class)
                .status(201).answer(404, "No such request").answer(409, "Not ready for pickup: the message says why")
                .summary("Issues the ticket to collect a request that is ready, in its pickup queue").build(), r -> {
                    PickupTicket p = requests.pickup(r.path("id"), r.roles().contains(Role.KIOSK) ? Channel.KIOSK : Channel.RECEPTION, r.user());
                    return Reply.created(new Views.PickupView(p.request().id(), p.ticket().id(), p.ticket().number(), p.ticket().service()));
                });
        add(context, RouteSpec.builder("GET", "/branches/{branch}/tickets/{ticket}/request").roles(STAFF).responseType(Views.RequestView.class)
                .answer(404, "The ticket collects no request").summary("The request a pickup ticket collects, for the operator who called it").build(),
                r -> {
                    long ticket;
                    try {
                        ticket = Long.parseLong(r.path("ticket"));
                    } catch (NumberFormatException e) {
                        throw new ApiProblem(404, "Not found", Messages.text(r.locale(), "ticket.noRequest", r.path("ticket")));
                    }
                    Request q = requests.requestForTicket(r.path("branch"), ticket)
                            .orElseThrow(() -> new ApiProblem(404, "Not found", Messages.text(r.locale(), "ticket.noRequest", r.path("ticket"))));
                    return Reply.ok(view(q, r.locale(), null));
                });
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Route> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // gone with the bundle already
            }
        }
    }

    private static boolean staff(RouteRequest r) {
        return r.user() != null && !r.roles().isEmpty() && !r.roles().equals(Set.of(Role.PUBLIC));
    }

    private static Actor actor(RouteRequest r) {
        boolean manager = r.roles().contains(Role.MANAGER) || r.roles().contains(Role.ADMIN);
        return new Actor(r.user(), manager);
    }

    private Reply register(RouteRequest r) {
        Views.RegisterBody body = r.hasBody() ? r.body(Views.RegisterBody.class) : null;
        if (body == null) throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "body.none"));
        boolean staff = staff(r);
        Intake intake;
        if (!staff) {
            intake = Intake.WEB;
        } else {
            try {
                intake = Intake.parse(body.intake());
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "intake.unknown", body.intake()));
            }
            if (intake == null) {
                intake = r.roles().contains(Role.OPERATOR) ? Intake.COUNTER : r.roles().contains(Role.RECEPTION) ? Intake.CONTACT_CENTRE : Intake.API;
            }
        }
        Views.ContactBody c = body.contact() == null ? new Views.ContactBody(null, null, null) : body.contact();
        if (!staff) {
            for (String key : new String[] {c.phone(), c.email()}) {
                if (key == null || key.isBlank()) continue;
                String k;
                try {
                    k = ContactAddress.parse(key).value();
                } catch (IllegalArgumentException e) {
                    continue; // the engine names it with the form's other wrong values
                }
                if (!perContact.attempt(k)) throw new ApiProblem(429, "Too many requests", Messages.text(r.locale(), "throttle.contact"));
            }
        }
        String branch = r.path("branch");
        try {
            Request q = requests.register(new NewRequest(branch, body.type(), body.fields(), c.name(), c.phone(), c.email(),
                    body.language() != null ? body.language() : r.locale().getLanguage(), intake, staff ? r.user() : null,
                    staff && body.visitTicket() != null ? body.visitTicket() : 0));
            return Reply.created(staff ? view(q, r.locale(), null) : status(q, r.locale()));
        } catch (WorkflowException e) {
            if (e.fields().isEmpty()) throw e;
            RequestType t = requests.type(branch, body.type()).orElse(null);
            List<ApiProblem.InvalidParam> invalid = new ArrayList<>();
            for (WorkflowException.FieldError f : e.fields()) {
                Object[] args = f.args().toArray();
                RequestField field = t == null ? null : t.field(f.field());
                if (field != null && args.length > 0) args[0] = field.label(r.locale().getLanguage());
                invalid.add(new ApiProblem.InvalidParam(f.field(), Messages.text(r.locale(), f.key(), args)));
            }
            throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "form.invalid", invalid.size()), invalid);
        }
    }

    private Reply list(RouteRequest r) {
        Set<RequestState> states = EnumSet.noneOf(RequestState.class);
        for (String s : r.query("state").map(v -> Arrays.asList(v.split(","))).orElse(List.of())) {
            if (s.isBlank()) continue;
            try {
                states.add(RequestState.valueOf(s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "query.badState", s.strip()));
            }
        }
        Boolean overdue = r.query("overdue").map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "query.badBoolean", "overdue", v));
        }).orElse(null);
        int offset = number(r, "offset", 0);
        int limit = number(r, "limit", 50);
        RequestPage page = requests.list(new RequestQuery(r.query("branch").orElse(null), states, r.query("type").orElse(null),
                r.query("assignee").orElse(null), overdue, offset, limit));
        return Reply.ok(new Views.PageView(page.total(), offset, page.items().stream().map(q -> view(q, r.locale(), null)).toList()));
    }

    private static int number(RouteRequest r, String name, int otherwise) {
        String v = r.query(name).orElse(null);
        if (v == null) return otherwise;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "query.badNumber", name, v));
        }
    }

    private Reply act(RouteRequest r) {
        Views.ActionBody body = r.hasBody() ? r.body(Views.ActionBody.class) : null;
        if (body == null || body.action() == null || body.action().isBlank()) throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "action.none"));
        Action action;
        try {
            action = Action.valueOf(body.action().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "action.unknown", body.action().strip()));
        }
        Request q = requests.act(r.path("id"), action, actor(r), body.assignee(), body.note());
        return Reply.ok(view(q, r.locale(), null));
    }

    private Reply message(RouteRequest r) {
        Views.MessageBody body = r.hasBody() ? r.body(Views.MessageBody.class) : null;
        if (body == null) throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "message.empty"));
        if (staff(r) && r.query("contact").isEmpty()) {
            Request q = requests.message(r.path("id"), actor(r), body.text());
            return Reply.ok(status(q, r.locale()));
        }
        Request q = proven(r);
        return Reply.ok(status(requests.message(q.id(), Actor.CUSTOMER, body.text()), r.locale()));
    }

    private Request proven(RouteRequest r) {
        String c = r.query("contact").orElse(null);
        if (c == null || c.isBlank()) throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "query.noContact"));
        ContactAddress a;
        try {
            a = ContactAddress.parse(c);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "query.noContact"));
        }
        String id = r.path("id").strip().toUpperCase(Locale.ROOT);
        if (!perId.allows(id)) throw new ApiProblem(429, "Too many requests", Messages.text(r.locale(), "throttle.proof"));
        Optional<Request> found = requests.find(id, a);
        if (found.isEmpty()) {
            perId.attempt(id);
            throw notFound(r);
        }
        return found.get();
    }

    private static ApiProblem notFound(RouteRequest r) {
        return new ApiProblem(404, "Not found", Messages.text(r.locale(), "request.notFound", r.path("id")));
    }

    private Views.RequestView view(Request q, Locale locale, List<HistoryEntry> history) {
        return Views.RequestView.of(q, requests.type(q.branch(), q.type()).orElse(null), requests.timeLeft(q), locale, history);
    }

    private Views.StatusView status(Request q, Locale locale) {
        RequestType t = requests.type(q.branch(), q.type()).orElse(null);
        boolean question = t != null && t.question();
        List<Views.MessageView> messages = question ? requests.history(q.id()).stream().filter(h -> WorkflowEvents.MESSAGE.equals(h.what()))
                .map(h -> new Views.MessageView(h.at().toString(), Actor.CUSTOMER.login().equals(h.by()) ? "customer" : "staff", h.detail())).toList()
                : List.of();
        return new Views.StatusView(q.id(), q.type(), t == null ? q.type() : t.name(locale.getLanguage()), q.state().name(),
                Messages.text(locale, "state." + q.state().name()), q.createdAt().toString(), q.result(), q.ticketNumber(), question, messages);
    }

    private void add(BundleContext context, RouteSpec spec, Route.Handler handler) {
        java.util.Dictionary<String, Object> props = new java.util.Hashtable<>();
        props.put(Route.DOMAIN, "workflow");
        registrations.add(context.registerService(Route.class, Route.of(spec, r -> {
            try {
                return handler.handle(r);
            } catch (WorkflowException e) {
                throw problem(e, r.locale());
            }
        }), props));
    }

    static ApiProblem problem(WorkflowException e, Locale locale) {
        String detail = Messages.localized(e, locale);
        return switch (e.reason()) {
            case NOT_FOUND -> new ApiProblem(404, "Not found", detail);
            case INVALID -> new ApiProblem(400, "Bad request", detail);
            case ILLEGAL_STATE -> new ApiProblem(409, "Conflict", detail);
            case NOT_ALLOWED -> new ApiProblem(403, "Forbidden", detail);
            case UNAVAILABLE -> new ApiProblem(503, "Unavailable", detail);
        };
    }
}
