package org.talon.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talon.web.api.ApiProblem;
import org.talon.web.api.MaxLength;
import org.talon.web.api.Reply;
import org.talon.web.api.Role;
import org.talon.web.api.Route;
import org.talon.web.api.RouteRequest;
import org.talon.web.api.RouteSpec;

/**
 * The one servlet under {@code /api/v1}: finds the route for method and path, authenticates,
 * checks roles, reads the JSON body within limits, and writes the route's answer or a problem.
 * Routes come and go as their bundles do; the rest keeps serving.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/api/v1/*",
    "osgi.http.whiteboard.servlet.name=talon-api",
    "osgi.http.whiteboard.servlet.asyncSupported=true"})
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiServlet.class.getName());
    static final int MAX_BODY = 64 * 1024;

    record Registered(Route route, RouteSpec spec, PathTemplate path, String domain) {
    }

    private final JsonBodies bodies = new JsonBodies();
    final ObjectMapper json = bodies.mapper;
    private final Map<PathTemplate, List<Registered>> routes = new ConcurrentSkipListMap<>();

    /** A route that was registered and is gone, by "METHOD template"; {@code bundle} registered it. */
    record Gone(PathTemplate path, String method, String domain, long bundle) {
    }

    /**
     * Routes registered earlier in this servlet's life and not now. While the bundle that
     * registered one is still meant to run (persistently started: a bundle:update, a refresh, or
     * a dependency of its component coming back), a request for it gets 503 with Retry-After, so a
     * kiosk retries instead of taking the 404 for "no such resource". A bundle stopped or
     * uninstalled by an admin gets the plain 404.
     */
    private final Map<String, Gone> gone = new ConcurrentHashMap<>();
    private volatile BundleContext context;
    @Reference
    volatile DeviceRegistry devices;

    private final Authenticator auth = new Authenticator(token -> {
        DeviceRegistry d = this.devices;
        return d == null ? null : d.authenticate(token);
    });

    /**
     * Webhooks and event streams need the event log: optional here, so that updating the event
     * log bundle takes away only what needs it (503 meanwhile) and not this whole servlet.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Webhooks webhooks;

    /** Body of {@code POST /webhooks}. */
    public record WebhookBody(@MaxLength(2000) String url, @MaxLength(64) String branch, @MaxLength(64) List<String> types) {
    }

    /** Body of {@code POST /session}: a staff login from a page. */
    public record LoginBody(@MaxLength(100) String user, @MaxLength(200) String password) {
    }

    /** Who is signed in: {@code GET /session}. */
    public record Who(String user, List<String> roles) {
    }

    private final Sessions sessions = new Sessions();

    /** Body of {@code POST /devices}. */
    public record DeviceBody(@MaxLength(40) String name, @MaxLength(16) String role, @MaxLength(16) String pairingCode) {
    }

    /** What {@code GET /capabilities} answers: the Talon domains installed now, so a UI shows only those. */
    public record Capabilities(List<String> domains) {
    }

    private static final PathTemplate EVENTS = new PathTemplate("/branches/{branch}/events");
    /** Anyone logged in. Only a customer's own ticket page ({@code /tickets/{publicId}}) is public. */
    static final Set<Role> ANY_LOGIN = Set.of(Role.MANAGER, Role.OPERATOR, Role.RECEPTION, Role.KIOSK, Role.DISPLAY);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventStreams streams;

    public ApiServlet() {
        Route capabilities = new Route() {
            @Override
            public RouteSpec spec() {
                return RouteSpec.of("GET", "/capabilities", ANY_LOGIN, null, Capabilities.class,
                        "Which Talon domains are installed");
            }

            @Override
            public Reply handle(RouteRequest request) {
                return Reply.ok(new Capabilities(List.copyOf(domains())));
            }
        };
        addRoute(capabilities, Map.of(Route.DOMAIN, "web"));
        Route openapi = new Route() {
            @Override
            public RouteSpec spec() {
                return RouteSpec.of("GET", "/openapi.json", ANY_LOGIN, null, null,
                        "This API's OpenAPI 3 document, made from the routes registered now");
            }

            @Override
            public Reply handle(RouteRequest request) {
                List<RouteSpec> specs = new ArrayList<>(routes.values().stream().flatMap(List::stream).map(Registered::spec).toList());
                specs.add(RouteSpec.of("GET", "/branches/{branch}/events", ANY_LOGIN, null, null,
                        "The branch's events as Server-Sent Events (text/event-stream); resume with Last-Event-ID"));
                return Reply.ok(OpenApiDocument.of(specs));
            }
        };
        addRoute(openapi, Map.of(Route.DOMAIN, "web"));
        addRoute(internal("GET", "/webhooks", null, "Lists webhook subscriptions (never their secrets)",
                r -> Reply.ok(webhooks().list())), Map.of(Route.DOMAIN, "web"));
        addRoute(internal("POST", "/webhooks", WebhookBody.class,
                "Subscribes a URL to a branch's event types; answers the signing secret once", r -> {
                    WebhookBody b = r.body(WebhookBody.class);
                    return Reply.created(webhooks().create(b.url(), b.branch(), b.types()));
                }), Map.of(Route.DOMAIN, "web"));
        addRoute(internal("DELETE", "/webhooks/{id}", null, "Ends a webhook subscription", r -> {
            if (!webhooks().delete(r.path("id"))) throw new WebProblem(404, "webhook.unknown", r.path("id"));
            return Reply.noContent();
        }), Map.of(Route.DOMAIN, "web"));
        addRoute(internal("GET", "/devices", null, "Lists kiosk and display devices (never their tokens)",
                r -> Reply.ok(devices.list())), Map.of(Route.DOMAIN, "web"));
        addRoute(internal("POST", "/devices", DeviceBody.class, "Creates a device and its bearer token, shown once",
                r -> {
                    DeviceBody b = r.body(DeviceBody.class);
                    // with the code a page shows, the token goes to that page instead of this answer
                    if (b.pairingCode() != null) return Reply.created(devices.pair(b.pairingCode(), b.name(), b.role(), Instant.now()));
                    return Reply.created(devices.create(b.name(), b.role()));
                }), Map.of(Route.DOMAIN, "web"));
        addRoute(route(RouteSpec.of("POST", "/session", Set.of(Role.PUBLIC), LoginBody.class, Who.class,
                "Logs a staff member in from a page: the session is an HttpOnly cookie (no password dialog)"), r -> {
                    LoginBody b = r.body(LoginBody.class);
                    if (b.user() == null || b.user().isBlank() || b.password() == null) throw new WebProblem(400, "login.fields");
                    Authenticator.Caller c = auth.login(b.user(), b.password(), r instanceof Request q ? q.req.getRemoteAddr() : null);
                    if (c == null || c.roles().isEmpty()) throw new WebProblem(401, "login.wrongPassword");
                    boolean secure = r instanceof Request q && q.req.isSecure();
                    String id = sessions.start(c, System.currentTimeMillis());
                    return Reply.ok(who(c)).withHeader("Set-Cookie", Sessions.cookie(id, secure)).withHeader("Cache-Control", "no-store");
                }), Map.of(Route.DOMAIN, "web"));
        addRoute(route(RouteSpec.of("GET", "/session", ANY_LOGIN, null, Who.class, "Who is signed in, and with which roles"),
                r -> Reply.ok(new Who(r.user(), r.roles().stream().map(Role::name).sorted().toList()))),
                Map.of(Route.DOMAIN, "web"));
        addRoute(route(RouteSpec.builder("DELETE", "/session").roles(Role.PUBLIC).summary("Logs out: ends the page's session").status(204).build(), r -> {
            boolean secure = false;
            if (r instanceof Request q) {
                sessions.end(cookie(q.req, Sessions.COOKIE));
                secure = q.req.isSecure();
            }
            return Reply.noContent().withHeader("Set-Cookie", Sessions.cookie(null, secure));
        }), Map.of(Route.DOMAIN, "web"));
        addRoute(open("POST", "/pairings", "A kiosk or display page asks to be paired: a code to show and an id to poll with",
                r -> Reply.created(devices.startPairing(Instant.now()))), Map.of(Route.DOMAIN, "web"));
        addRoute(open("GET", "/pairings/{id}", "The page's pairing: waiting, or paired (the device token comes once, as an HttpOnly cookie)",
                r -> {
                    DeviceRegistry.PairingState p = devices.pairingState(r.path("id"), Instant.now());
                    if (p.token() == null) return Reply.ok(p);
                    boolean secure = r instanceof Request q && q.req.isSecure();
                    return Reply.ok(new DeviceRegistry.PairingState(p.state(), p.name(), p.role(), null))
                            .withHeader("Set-Cookie", deviceCookie(p.token(), secure)).withHeader("Cache-Control", "no-store");
                }), Map.of(Route.DOMAIN, "web"));
        addRoute(internal("DELETE", "/devices/{name}", null, "Revokes a device's token", r -> {
            if (!devices.revoke(r.path("name"))) throw new WebProblem(404, "device.unknown", r.path("name"));
            return Reply.noContent();
        }), Map.of(Route.DOMAIN, "web"));
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRoute(Route route, Map<String, Object> props) {
        RouteSpec spec = route.spec();
        PathTemplate t = new PathTemplate(spec.path());
        Object domain = props.get(Route.DOMAIN);
        synchronized (routes) {
            gone.remove(spec.method().toUpperCase(Locale.ROOT) + " " + spec.path());
            PathTemplate key = routes.keySet().stream().filter(k -> k.template.equals(spec.path())).findFirst().orElse(t);
            List<Registered> list = new ArrayList<>(routes.getOrDefault(key, List.of()));
            list.add(new Registered(route, spec, key, domain == null ? null : domain.toString()));
            routes.put(key, List.copyOf(list));
        }
    }

    void removeRoute(Route route, Map<String, Object> props) {
        Object bundle = props.get(Constants.SERVICE_BUNDLEID);
        synchronized (routes) {
            for (PathTemplate k : List.copyOf(routes.keySet())) {
                List<Registered> held = routes.get(k);
                if (held == null) continue;
                List<Registered> list = new ArrayList<>(held);
                List<Registered> removed = list.stream().filter(r -> r.route == route).toList();
                if (!list.removeAll(removed)) continue;
                EventStreams s = streams;
                if (s != null) s.closeViews(route);
                if (list.isEmpty()) routes.remove(k);
                else routes.put(k, List.copyOf(list));
                if (!(bundle instanceof Number n)) continue;
                for (Registered r : removed) {
                    String method = r.spec.method().toUpperCase(Locale.ROOT);
                    gone.put(method + " " + r.spec.path(), new Gone(new PathTemplate(r.spec.path()), method, r.domain, n.longValue()));
                }
            }
        }
    }

    private Webhooks webhooks() {
        Webhooks w = webhooks;
        if (w == null) throw restarting("restarting.webhooks");
        return w;
    }

    /** 503 with Retry-After (the header is set where the problem is written). */
    private static ApiProblem restarting(String key, Object... args) {
        return new RetryLater(key, args);
    }

    /** A 503 that tells the client when to retry; its text says "retry after 1 second". */
    static final class RetryLater extends WebProblem {
        private static final long serialVersionUID = 1L;

        RetryLater(String key, Object... args) {
            super(503, key, args);
        }
    }

    /** A route gone for {@code method} on this path whose bundle is still meant to run, or null. */
    private Gone returning(List<String> segments, String method) {
        if (gone.isEmpty()) return null;
        BundleContext c = context;
        if (c == null) return null;
        for (Gone g : gone.values()) {
            if (!g.method.equalsIgnoreCase(method) || g.path.match(segments) == null) continue;
            Bundle b;
            try {
                b = c.getBundle(g.bundle);
            } catch (IllegalStateException stopping) {
                return null; // this servlet's own bundle is stopping
            }
            if (b == null || b.getState() == Bundle.UNINSTALLED) continue;
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (level != null && level.isPersistentlyStarted()) return g;
        }
        return null;
    }

    /** A route of the web bundle itself, for admins only. */
    private static Route internal(String method, String path, Class<?> body, String summary, Route.Handler h) {
        return route(RouteSpec.builder(method, path).roles(Role.ADMIN).requestType(body).summary(summary).status(status(method)).build(), h);
    }

    /** A route without login: only what a page needs before it has a token. */
    private static Route open(String method, String path, String summary, Route.Handler h) {
        return route(RouteSpec.builder(method, path).roles(Role.PUBLIC).summary(summary).status(status(method)).build(), h);
    }

    /** The web bundle's own routes: a POST creates (201), a DELETE answers nothing (204). */
    private static int status(String method) {
        return method.equals("POST") ? 201 : method.equals("DELETE") ? 204 : 200;
    }

    private static Who who(Authenticator.Caller c) {
        return new Who(c.user(), c.roles().stream().map(Role::name).sorted().toList());
    }

    private static Route route(RouteSpec spec, Route.Handler h) {
        return Route.of(spec, h);
    }

    /** Domains whose routes are registered now. */
    Set<String> domains() {
        return routes.values().stream().flatMap(List::stream).map(Registered::domain).filter(d -> d != null)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // the path as sent, still encoded: "%2F" stays inside its segment, nothing is trimmed
        String raw = req.getRequestURI() == null ? "" : req.getRequestURI();
        String base = req.getContextPath() + req.getServletPath();
        String rawPath = raw.startsWith(base) ? raw.substring(base.length()) : null;
        String instance = JsonBodies.echo("/api/v1" + (rawPath == null ? "" : rawPath));
        try {
            if (rawPath == null) throw new WebProblem(404, "resource.unknown", JsonBodies.echo(raw));
            dispatch(req, resp, rawPath, RequestTarget.parse(rawPath, req.getQueryString()));
        } catch (ApiProblem p) {
            if (p instanceof RetryLater) resp.setHeader("Retry-After", "1");
            if (p instanceof WebProblem w && w.retryAfterSeconds() > 0) resp.setHeader("Retry-After", String.valueOf(w.retryAfterSeconds()));
            Problems.write(json, resp, p, Messages.locale(req), instance);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Request " + req.getMethod() + " " + instance + " failed", e);
            Problems.write(json, resp, new WebProblem(500, "internal.error"), Messages.locale(req), instance);
        } finally {
            // A body left unread (a request refused before its body was looked at) would make
            // Jetty drop the keep-alive connection under a client about to reuse it.
            if (!req.isAsyncStarted()) drain(req);
        }
    }

    private static void drain(HttpServletRequest req) {
        try {
            InputStream in = req.getInputStream();
            byte[] sink = new byte[8192];
            long total = 0;
            int n;
            while (total < DRAIN_LIMIT && (n = in.read(sink)) > 0) total += n;
        } catch (IOException | RuntimeException ignored) {
            // the client went away, its framing is broken, or the body was read as a reader
        }
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse resp, String rawPath, RequestTarget target) throws Exception {
        List<String> segments = target.segments;
        String path = JsonBodies.echo(rawPath.isEmpty() ? "/" : rawPath);
        Map<String, String> stream = EVENTS.match(segments);
        if (stream != null && "GET".equals(req.getMethod())) {
            Authenticator.Caller caller = requireRoles(req, resp, ANY_LOGIN, path, "GET");
            EventStreams s = streams;
            if (s == null) throw restarting("restarting.stream");
            s.open(req, resp, stream.get("branch"), caller.user(), target.query);
            return;
        }
        Registered found = null;
        Map<String, String> vars = null;
        Set<String> allowed = new java.util.TreeSet<>();
        for (Map.Entry<PathTemplate, List<Registered>> e : routes.entrySet()) {
            Map<String, String> v = e.getKey().match(segments);
            if (v == null) continue;
            for (Registered r : e.getValue()) {
                allowed.add(r.spec.method());
                // methods are case-sensitive (RFC 9110): "get" is not GET
                if (found == null && r.spec.method().equals(req.getMethod())) {
                    found = r;
                    vars = v;
                }
            }
            if (found != null) break;
        }
        if (found == null) {
            Gone g = returning(segments, req.getMethod());
            if (g != null) {
                throw g.domain == null ? restarting("restarting.anyDomain", g.method, g.path.template)
                        : restarting("restarting.domain", g.domain, g.method, g.path.template);
            }
            if (!allowed.isEmpty()) {
                resp.setHeader("Allow", String.join(", ", allowed));
                throw new WebProblem(405, "method.notAllowed", req.getMethod(), path, String.join(", ", allowed));
            }
            throw new WebProblem(404, "resource.unknown", path);
        }
        Authenticator.Caller caller = requireRoles(req, resp, found.spec.roles(), path, found.spec.method());
        byte[] body = readBody(req, found.spec.requestType() != null);
        // a body the route declares is read and checked before the route runs, whether or not it looks at it
        Object parsed = body.length > 0 && found.spec.requestType() != null ? bodies.read(body, found.spec.requestType()) : null;
        Request r = new Request(req, vars, body, parsed, caller, target.query);
        Reply reply = found.route.handle(r);
        String accept = req.getHeader("Accept");
        if ("GET".equals(req.getMethod()) && accept != null && accept.contains("text/event-stream") && reply.status() == 200) {
            follow(req, resp, found, r, reply, path);
            return;
        }
        if (reply.body() != null) {
            // serialised whole first: a length lets Jetty send it in one write without chunking,
            // and a body that fails to serialise has written nothing, so its problem can still go out
            byte[] bytes = json.writeValueAsBytes(reply.body());
            resp.setStatus(reply.status());
            reply.headers().forEach(resp::setHeader);
            resp.setContentType("application/json");
            resp.setCharacterEncoding("UTF-8");
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
            return;
        }
        resp.setStatus(reply.status());
        reply.headers().forEach(resp::setHeader);
        byte[] bytes = reply.bytes();
        if (bytes != null) {
            resp.setContentType(reply.contentType());
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
        } else if (reply.writer() != null) {
            resp.setContentType(reply.contentType());
            reply.writer().writeTo(resp.getOutputStream());
        }
    }

    /**
     * Sends a followed route's answer as a stream of {@code update} events (see
     * {@link Route#follows}); a route that is not followed answers 406. Each render asks the
     * route with the request as it was (its headers copied now); when the route goes (its bundle
     * updates), {@link #removeRoute} ends its streams and the clients ask the new one.
     */
    private void follow(HttpServletRequest req, HttpServletResponse resp, Registered found, Request r, Reply reply, String path)
            throws Exception {
        String branch = found.route.follows(r, reply);
        if (branch == null) throw new WebProblem(406, "stream.notFollowed", path);
        EventStreams s = streams;
        if (s == null) throw restarting("restarting.stream");
        Request frozen = r.frozen();
        Route route = found.route;
        s.watch(req, resp, branch, r.user(), route, json.writeValueAsBytes(reply.body()),
                () -> json.writeValueAsBytes(route.handle(frozen).body()));
    }

    /**
     * The device cookie a paired kiosk or display page holds (HttpOnly, SameSite=Strict): the
     * page's requests, its EventSource among them, carry the device token without script ever
     * seeing it.
     */
    static final String DEVICE_COOKIE = "talon-device";
    /** A request authenticated by the cookie that changes something must carry this header (CSRF). */
    static final String REQUEST_HEADER = "X-Talon-Request";

    static String deviceCookie(String token, boolean secure) {
        return DEVICE_COOKIE + "=" + (token == null ? "" : token) + "; Path=/; Max-Age=" + (token == null ? 0 : 315_360_000)
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /**
     * Asks for a login. A page's own request (it sends {@link #REQUEST_HEADER}) is asked for a
     * bearer token: a Basic challenge would make the browser pop up its password dialog, and a
     * page's fetch would wait behind it.
     */
    private static void challenge(HttpServletRequest req, HttpServletResponse resp) {
        // an EventSource cannot send the header, and a page's cookie that failed is no reason for a
        // dialog either: a Basic challenge to either holds every later request of the page behind
        // a password prompt no one answers (a kiosk or display)
        String accept = req.getHeader("Accept");
        boolean page = req.getHeader(REQUEST_HEADER) != null || (accept != null && accept.contains("text/event-stream"))
                || cookie(req, Sessions.COOKIE) != null || cookie(req, DEVICE_COOKIE) != null;
        resp.setHeader("WWW-Authenticate", page ? "Bearer realm=\"talon\"" : "Basic realm=\"talon\"");
    }

    private static String cookie(HttpServletRequest req, String name) {
        javax.servlet.http.Cookie[] cookies = req.getCookies();
        if (cookies == null) return null;
        for (javax.servlet.http.Cookie c : cookies) {
            if (name.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) return c.getValue();
        }
        return null;
    }

    /** The caller, after checking it may use a route with these roles; throws 401 or 403 otherwise. */
    private Authenticator.Caller requireRoles(HttpServletRequest req, HttpServletResponse resp, Set<Role> roles,
            String path, String method) {
        Authenticator.Caller caller = null;
        String authorization = req.getHeader("Authorization");
        if (authorization != null) {
            caller = auth.authenticate(authorization, req.getRemoteAddr());
            if (caller == null) {
                challenge(req, resp);
                boolean bearer = authorization.regionMatches(true, 0, "Bearer ", 0, 7);
                throw new WebProblem(401, bearer ? "login.wrongToken" : "login.wrongPassword");
            }
        } else {
            // a page's cookie: a staff session, else a paired device's token
            String session = cookie(req, Sessions.COOKIE);
            String token = session == null ? cookie(req, DEVICE_COOKIE) : null;
            if (session != null) caller = sessions.use(session, System.currentTimeMillis());
            else if (token != null) caller = auth.authenticate("Bearer " + token, req.getRemoteAddr());
            if ((session != null || token != null) && caller == null && !roles.contains(Role.PUBLIC)) {
                // ended (logout, idle, restart) or revoked: the page forgets it, logs in or pairs again
                resp.setHeader("Set-Cookie", session != null ? Sessions.cookie(null, req.isSecure()) : deviceCookie(null, req.isSecure()));
                challenge(req, resp);
                throw new WebProblem(401, session != null ? "login.sessionEnded" : "login.wrongToken");
            }
            boolean safe = method.equals("GET") || method.equals("HEAD");
            if (caller != null && !safe && req.getHeader(REQUEST_HEADER) == null) {
                // a form or link from another site sends the cookie, but never such a header
                throw new WebProblem(403, "login.requestHeaderMissing", REQUEST_HEADER);
            }
        }
        if (!roles.contains(Role.PUBLIC)) {
            if (caller == null) {
                challenge(req, resp);
                throw new WebProblem(401, "login.needed");
            }
            boolean ok = caller.roles().contains(Role.ADMIN) || caller.roles().stream().anyMatch(roles::contains);
            if (!ok) {
                throw new WebProblem(403, "role.missing", caller.user(), method, path,
                        roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", ")));
            }
        }
        return caller;
    }

    private static byte[] readBody(HttpServletRequest req, boolean wanted) throws IOException {
        long declared = req.getContentLengthLong();
        try (InputStream in = req.getInputStream()) {
            if (declared > MAX_BODY) throw tooLarge(in);
            byte[] b;
            try {
                b = in.readNBytes(MAX_BODY + 1);
            } catch (IOException | RuntimeException e) {
                // a broken chunked framing, a body shorter than its Content-Length, a reset
                throw new WebProblem(400, "body.unreadable");
            }
            if (b.length > MAX_BODY) throw tooLarge(in);
            if (wanted && b.length > 0) checkJsonType(req.getContentType());
            return b;
        }
    }

    /**
     * Exactly {@code application/json}, with no parameter but {@code charset=utf-8}: not
     * {@code application/jsonx}, not {@code application/json-patch+json} (another format), not
     * JSON in another character set.
     */
    static void checkJsonType(String contentType) {
        if (contentType == null) throw new WebProblem(415, "media.unsupported");
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/json")) throw new WebProblem(415, "media.unsupported");
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq).strip();
            String value = eq < 0 ? "" : param.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
            if (!name.equalsIgnoreCase("charset") || !value.equalsIgnoreCase("utf-8")) {
                throw new WebProblem(415, "media.charset", JsonBodies.echo(param));
            }
        }
    }

    /**
     * Reads and drops the rest of an oversized body (up to a limit) so that the client, still
     * sending, receives the 413 instead of a broken connection.
     */
    private static ApiProblem tooLarge(InputStream in) {
        try {
            long skipped = 0;
            byte[] sink = new byte[8192];
            int n;
            while (skipped < DRAIN_LIMIT && (n = in.read(sink)) > 0) skipped += n;
        } catch (IOException | RuntimeException ignored) {
            // the client went away; nothing to answer
        }
        return new WebProblem(413, "body.tooLarge", String.valueOf(MAX_BODY));
    }

    static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    private final class Request implements RouteRequest {
        private final HttpServletRequest req;
        private final Map<String, String> vars;
        private final byte[] body;
        private final Object parsed;
        private final Authenticator.Caller caller;
        private final Map<String, String> query;

        Request(HttpServletRequest req, Map<String, String> vars, byte[] body, Object parsed, Authenticator.Caller caller,
                Map<String, String> query) {
            this.req = req;
            this.vars = vars;
            this.body = body;
            this.parsed = parsed;
            this.caller = caller;
            this.query = query;
        }

        @Override
        public String path(String name) {
            return vars.get(name);
        }

        @Override
        public Optional<String> query(String name) {
            return Optional.ofNullable(query.get(name));
        }

        /** Headers copied, language read: the request as it was, for renders after this one ended. */
        private Map<String, String> headers;
        private Locale locale;

        Request frozen() {
            Request f = new Request(req, vars, body, parsed, caller, query);
            f.headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (java.util.Enumeration<String> n = req.getHeaderNames(); n.hasMoreElements();) {
                String h = n.nextElement();
                f.headers.put(h, req.getHeader(h));
            }
            f.locale = Messages.locale(req);
            return f;
        }

        @Override
        public Optional<String> header(String name) {
            if (headers != null) return Optional.ofNullable(headers.get(name));
            return Optional.ofNullable(req.getHeader(name));
        }

        @Override
        public <T> T body(Class<T> type) {
            if (body.length == 0) throw new WebProblem(400, "body.missing");
            if (parsed != null && type.isInstance(parsed)) return type.cast(parsed);
            return bodies.read(body, type);
        }

        @Override
        public boolean hasBody() {
            return body.length > 0;
        }

        @Override
        public String user() {
            return caller == null ? null : caller.user();
        }

        @Override
        public Set<Role> roles() {
            if (caller == null) return Set.of(Role.PUBLIC);
            return Set.copyOf(caller.roles());
        }

        @Override
        public Locale locale() {
            if (locale != null) return locale;
            return Messages.locale(req);
        }
    }
}
