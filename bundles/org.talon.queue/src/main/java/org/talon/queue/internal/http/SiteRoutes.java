package org.talon.queue.internal.http;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.talon.queue.api.rule.CallRules;
import org.talon.queue.internal.CallRuleBook;
import org.talon.queue.api.CounterState;
import org.talon.queue.api.ProfileEntry;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.queue.internal.config.CounterDefinition;
import org.talon.queue.internal.config.ProfileDefinition;
import org.talon.queue.internal.config.Props;
import org.talon.queue.internal.config.ServiceDefinition;
import org.talon.queue.internal.engine.Limits;
import org.talon.queue.internal.engine.Messages;
import org.talon.web.api.ApiProblem;
import org.talon.web.api.MaxLength;
import org.talon.web.api.Reply;
import org.talon.web.api.Role;
import org.talon.web.api.RouteRequest;
import org.talon.web.api.RouteSpec;

/**
 * A branch's services, counters and work profiles as the manager edits them: each one is the
 * factory configuration ConfigAdmin holds for it (an {@code etc/org.talon.queue.*.cfg} file), so
 * what these routes write is what {@code config:list} shows and what survives a restart; the
 * engine takes the change as it takes an edited file. A change is checked whole before anything
 * is written, and one that would leave the branch inconsistent (a counter without its profile, a
 * profile calling a queue no service fills) is refused with what to do first.
 */
@Component(immediate = true)
public final class SiteRoutes {
    static final Set<Role> MANAGERS = Set.of(Role.MANAGER);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,8}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{0,4}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    /** A profile's queue entry, {@code B} or {@code B:2}, and condition, {@code C>30}. */
    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9_-]{1,32}(\\s*:\\s*[0-9]{1,4})?");
    private static final Pattern CONDITION = Pattern.compile("[A-Za-z0-9_-]{1,32}\\s*>\\s*[0-9]{1,5}");
    private static final int NAME = 80;
    /** Where Karaf keeps configuration files; a new element gets its own file there. */
    private static final String FILENAME = "felix.fileinstall.filename";

    /** Body of {@code PUT .../site/services/{code}}. */
    public record ServiceEdit(Map<String, String> names, @MaxLength(4) String prefix, @MaxLength(Limits.QUEUE) String queue,
            Integer targetWaitMinutes, Integer expectedServiceMinutes) {
    }

    /** Body of {@code PUT .../site/counters/{id}}. */
    public record CounterEdit(@MaxLength(NAME) String name, Map<String, String> names, @MaxLength(32) String profile) {
    }

    /** Body of {@code PUT .../site/profiles/{id}}. */
    public record ProfileEdit(@MaxLength(32) String rule, @MaxLength(400) String queues, @MaxLength(400) String conditions) {
    }

    public record ServiceSite(String code, Map<String, String> names, String prefix, String queue, int targetWaitMinutes,
            int expectedServiceMinutes, String pid) {
    }

    public record CounterSite(String id, String name, Map<String, String> names, String profile, String pid) {
    }

    public record ProfileSite(String id, String rule, String queues, String conditions, String pid) {
    }

    /** What {@code GET .../site} answers: the branch as configured, and what the editor may choose from. */
    public record SiteView(String branch, List<String> locales, List<String> rules, List<ServiceSite> services,
            List<CounterSite> counters, List<ProfileSite> profiles) {
    }

    private final QueueService queues;
    private final ConfigurationAdmin cm;
    private final CallRuleBook rules;
    private final RouteRegistrations routes;
    /** One change at a time: the checks of one must see what the one before it wrote. */
    private final Object writing = new Object();

    @Activate
    public SiteRoutes(@Reference QueueService queues, @Reference ConfigurationAdmin cm, @Reference CallRuleBook rules,
            BundleContext context) {
        this.queues = queues;
        this.rules = rules;
        this.cm = cm;
        this.routes = new RouteRegistrations(context);
        route(context, "GET", "/branches/{branch}/site", null, SiteView.class,
                "The branch's services, counters and work profiles as configured (ConfigAdmin)", r -> Reply.ok(site(branch(r))));
        route(context, "PUT", "/branches/{branch}/site/services/{code}", ServiceEdit.class, ServiceSite.class,
                "Adds or changes a service", this::putService);
        route(context, "DELETE", "/branches/{branch}/site/services/{code}", null, null,
                "Removes a service that no ticket waits for", this::deleteService);
        route(context, "PUT", "/branches/{branch}/site/counters/{id}", CounterEdit.class, CounterSite.class,
                "Adds or changes a counter", this::putCounter);
        route(context, "DELETE", "/branches/{branch}/site/counters/{id}", null, null, "Removes a closed counter",
                this::deleteCounter);
        route(context, "PUT", "/branches/{branch}/site/profiles/{id}", ProfileEdit.class, ProfileSite.class,
                "Adds or changes a work profile", this::putProfile);
        route(context, "DELETE", "/branches/{branch}/site/profiles/{id}", null, null,
                "Removes a work profile no counter uses", this::deleteProfile);
    }

    @Deactivate
    void deactivate() {
        routes.unregisterAll();
    }

    // ------------------------------------------------------------------ reading

    private String branch(RouteRequest r) {
        return queues.branch(r.path("branch")).id();
    }

    private SiteView site(String branch) throws IOException {
        List<ServiceSite> services = new ArrayList<>();
        for (Configuration c : list(ServiceDefinition.PID, branch)) services.add(service(c));
        List<CounterSite> counters = new ArrayList<>();
        for (Configuration c : list(CounterDefinition.PID, branch)) {
            counters.add(new CounterSite(str(c, "id"), str(c, "name").isEmpty() ? str(c, "id") : str(c, "name"),
                    new TreeMap<>(Props.withPrefix(props(c), "name.")), str(c, "profile"), c.getPid()));
        }
        List<ProfileSite> profiles = new ArrayList<>();
        for (Configuration c : list(ProfileDefinition.PID, branch)) {
            profiles.add(new ProfileSite(str(c, "id"), str(c, "rule").isEmpty() ? CallRules.STRICT_ORDER : str(c, "rule"),
                    str(c, "queues"), str(c, "conditions"), c.getPid()));
        }
        services.sort(Comparator.comparing(ServiceSite::code));
        counters.sort(Comparator.comparing((CounterSite c) -> c.id().length()).thenComparing(CounterSite::id));
        profiles.sort(Comparator.comparing(ProfileSite::id));
        return new SiteView(branch, queues.branch(branch).locales().stream().map(Locale::toLanguageTag).toList(),
                rules.names(), services, counters, profiles);
    }

    /** A configuration's properties as a map. */
    private static Map<String, Object> props(Configuration c) {
        Map<String, Object> props = new java.util.HashMap<>();
        for (Enumeration<String> k = c.getProperties().keys(); k.hasMoreElements();) {
            String key = k.nextElement();
            props.put(key, c.getProperties().get(key));
        }
        return props;
    }

    private static ServiceSite service(Configuration c) {
        Map<String, String> names = new TreeMap<>(Props.withPrefix(props(c), "name."));
        return new ServiceSite(str(c, "code").toUpperCase(Locale.ROOT), names, str(c, "prefix"), str(c, "queue"),
                num(c, "targetWaitMinutes", 15), num(c, "expectedServiceMinutes", 5), c.getPid());
    }

    /** The queue a service's tickets wait in: its code when none is set, as {@code ServiceDefinition} reads it. */
    private static String queueOf(Configuration service) {
        String q = str(service, "queue");
        return q.isEmpty() ? str(service, "code").toUpperCase(Locale.ROOT) : q;
    }

    private static String str(Configuration c, String key) {
        Object v = c.getProperties().get(key);
        return v == null ? "" : String.valueOf(v).strip();
    }

    private static int num(Configuration c, String key, int otherwise) {
        try {
            return Integer.parseInt(str(c, key));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The branch's configurations of a kind. */
    private List<Configuration> list(String factoryPid, String branch) throws IOException {
        try {
            Configuration[] found = cm.listConfigurations("(&(service.factoryPid=" + factoryPid + ")(branch=" + escape(branch) + "))");
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configuration whose {@code key} is exactly {@code value} (ids are case-sensitive, as the engine's are). */
    private Configuration find(String factoryPid, String branch, String key, String value) throws IOException {
        for (Configuration c : list(factoryPid, branch)) {
            String v = str(c, key);
            if (key.equals("code") ? v.toUpperCase(Locale.ROOT).equals(value) : v.equals(value)) return c;
        }
        return null;
    }

    private static String escape(String value) {
        StringBuilder b = new StringBuilder();
        for (char ch : value.toCharArray()) {
            if (ch == '\\' || ch == '(' || ch == ')' || ch == '*') b.append('\\');
            b.append(ch);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ services

    private Reply putService(RouteRequest r) throws IOException {
        String branch = branch(r);
        String code = r.path("code");
        if (!CODE.matcher(code).matches()) throw bad(r, "site.code", code);
        code = code.toUpperCase(Locale.ROOT);
        ServiceEdit b = r.body(ServiceEdit.class);
        Map<String, String> names = new LinkedHashMap<>();
        if (b.names() != null) {
            for (Map.Entry<String, String> n : b.names().entrySet()) {
                if (n.getKey() == null || !LANGUAGE.matcher(n.getKey()).matches()) throw bad(r, "site.language", String.valueOf(n.getKey()));
                String name = n.getValue() == null ? "" : n.getValue().strip();
                if (name.isEmpty()) continue;
                checkText(r, "names." + n.getKey(), name, NAME);
                names.put(n.getKey(), name);
            }
        }
        if (names.isEmpty()) throw bad(r, "site.names");
        String prefix = b.prefix() == null ? "" : b.prefix().strip();
        if (!PREFIX.matcher(prefix).matches()) throw bad(r, "site.prefix", prefix);
        String queue = b.queue() == null || b.queue().isBlank() ? code : b.queue().strip();
        if (!ID.matcher(queue).matches()) throw bad(r, "site.id", "queue", queue);
        int target = range(r, "targetWaitMinutes", b.targetWaitMinutes(), 15, 0, 24 * 60);
        int expected = range(r, "expectedServiceMinutes", b.expectedServiceMinutes(), 5, 1, 8 * 60);
        synchronized (writing) {
            Configuration existing = find(ServiceDefinition.PID, branch, "code", code);
            if (existing != null) {
                // a queue that loses its last service must not be one a work profile still calls
                String old = queueOf(existing);
                if (!old.equals(queue)) requireQueueUnused(r, branch, old, code);
            }
            Dictionary<String, Object> props = base(existing, branch);
            for (Enumeration<String> k = props.keys(); k.hasMoreElements();) {
                String key = k.nextElement();
                if (key.startsWith("name.")) props.remove(key);
            }
            props.put("code", code);
            names.forEach((l, n) -> props.put("name." + l, n));
            props.put("prefix", prefix.toUpperCase(Locale.ROOT));
            props.put("queue", queue);
            props.put("targetWaitMinutes", String.valueOf(target));
            props.put("expectedServiceMinutes", String.valueOf(expected));
            Configuration c = write(existing, ServiceDefinition.PID, branch + "-" + code, props, r.locale());
            return existing == null ? Reply.created(service(c)) : Reply.ok(service(c));
        }
    }

    private Reply deleteService(RouteRequest r) throws IOException {
        String branch = branch(r);
        String code = r.path("code").toUpperCase(Locale.ROOT);
        synchronized (writing) {
            Configuration c = find(ServiceDefinition.PID, branch, "code", code);
            if (c == null) throw new ApiProblem(404, "Not found", text(r, "site.service.unknown", code));
            long waiting = queues.activeTickets(branch).stream().filter(t -> t.service().equals(code)).count();
            if (waiting > 0) throw new ApiProblem(409, "Conflict", text(r, "site.service.inUse", code, waiting));
            requireQueueUnused(r, branch, queueOf(c), code);
            remove(c);
            return Reply.noContent();
        }
    }

    /** Refuses when {@code queue} would lose its last service (other than {@code code}) while a profile calls it. */
    private void requireQueueUnused(RouteRequest r, String branch, String queue, String code) throws IOException {
        for (Configuration s : list(ServiceDefinition.PID, branch)) {
            if (queueOf(s).equals(queue) && !str(s, "code").equalsIgnoreCase(code)) return; // another service still fills it
        }
        for (Configuration p : list(ProfileDefinition.PID, branch)) {
            for (ProfileEntry e : ProfileDefinition.parseEntries(str(p, "queues"), str(p, "id"))) {
                if (e.queue().equals(queue)) throw new ApiProblem(409, "Conflict", text(r, "site.queue.inProfile", queue, str(p, "id")));
            }
        }
    }

    // ------------------------------------------------------------------ counters

    private Reply putCounter(RouteRequest r) throws IOException {
        String branch = branch(r);
        String id = r.path("id");
        if (!ID.matcher(id).matches()) throw bad(r, "site.id", "id", id);
        CounterEdit b = r.body(CounterEdit.class);
        Map<String, String> names = new java.util.TreeMap<>();
        if (b.names() != null) {
            for (Map.Entry<String, String> n : b.names().entrySet()) {
                if (!LANGUAGE.matcher(String.valueOf(n.getKey())).matches()) throw bad(r, "site.language", n.getKey());
                String given = n.getValue() == null ? "" : n.getValue().strip();
                if (given.isEmpty()) continue;
                checkText(r, "names." + n.getKey(), given, NAME);
                names.put(n.getKey(), given);
            }
        }
        // the name for any language without its own: as given, else the branch's first language's, else the id
        String first = queues.branch(branch).locales().get(0).toLanguageTag();
        String name = b.name() != null && !b.name().isBlank() ? b.name().strip() : names.getOrDefault(first, id);
        checkText(r, "name", name, NAME);
        if (b.profile() == null || b.profile().isBlank()) throw bad(r, "http.field.required", "profile");
        String profile = b.profile().strip();
        synchronized (writing) {
            if (find(ProfileDefinition.PID, branch, "id", profile) == null) {
                throw bad(r, "site.profile.unknown", profile);
            }
            Configuration existing = find(CounterDefinition.PID, branch, "id", id);
            Dictionary<String, Object> props = base(existing, branch);
            for (Enumeration<String> k = props.keys(); k.hasMoreElements();) {
                String key = k.nextElement();
                if (key.startsWith("name.")) props.remove(key);
            }
            props.put("id", id);
            props.put("name", name);
            names.forEach((l, n) -> props.put("name." + l, n));
            props.put("profile", profile);
            Configuration c = write(existing, CounterDefinition.PID, branch + "-" + id, props, r.locale());
            CounterSite view = new CounterSite(id, name, Map.copyOf(names), profile, c.getPid());
            return existing == null ? Reply.created(view) : Reply.ok(view);
        }
    }

    private Reply deleteCounter(RouteRequest r) throws IOException {
        String branch = branch(r);
        String id = r.path("id");
        synchronized (writing) {
            Configuration c = find(CounterDefinition.PID, branch, "id", id);
            if (c == null) throw new ApiProblem(404, "Not found", text(r, "site.counter.unknown", id));
            boolean closed = queues.counters(branch).stream().filter(k -> k.id().equals(str(c, "id")))
                    .allMatch(k -> k.state() == CounterState.CLOSED);
            if (!closed) throw new ApiProblem(409, "Conflict", text(r, "site.counter.open", id));
            remove(c);
            return Reply.noContent();
        }
    }

    // ------------------------------------------------------------------ work profiles

    private Reply putProfile(RouteRequest r) throws IOException {
        String branch = branch(r);
        String id = r.path("id");
        if (!ID.matcher(id).matches()) throw bad(r, "site.id", "id", id);
        ProfileEdit b = r.body(ProfileEdit.class);
        String rule = ProfileDefinition.ruleName(b.rule());
        if (rule == null || rules.rule(rule) == null) throw bad(r, "site.rule", b.rule(), String.join(", ", rules.names()));
        String spec = b.queues() == null ? "" : b.queues().strip();
        String conditions = b.conditions() == null ? "" : b.conditions().strip();
        if (Props.list(spec).isEmpty()) throw bad(r, "http.field.required", "queues");
        for (String e : Props.list(spec)) {
            if (!ENTRY.matcher(e).matches()) throw bad(r, "site.profile.entry", e);
        }
        for (String c : Props.list(conditions)) {
            if (!CONDITION.matcher(c).matches()) throw bad(r, "site.profile.condition", c);
        }
        List<ProfileEntry> entries = ProfileDefinition.parseEntries(spec, id);
        synchronized (writing) {
            Set<String> known = new java.util.TreeSet<>();
            for (Configuration s : list(ServiceDefinition.PID, branch)) {
                known.add(queueOf(s));
            }
            for (ProfileEntry e : entries) {
                if (!known.contains(e.queue())) throw bad(r, "site.queue.unknown", e.queue(), String.join(", ", known));
            }
            Configuration existing = find(ProfileDefinition.PID, branch, "id", id);
            Dictionary<String, Object> props = base(existing, branch);
            props.put("id", id);
            props.put("rule", rule);
            props.put("queues", spec);
            props.put("conditions", conditions);
            Configuration c = write(existing, ProfileDefinition.PID, branch + "-" + id, props, r.locale());
            ProfileSite view = new ProfileSite(id, rule, spec, conditions, c.getPid());
            return existing == null ? Reply.created(view) : Reply.ok(view);
        }
    }

    private Reply deleteProfile(RouteRequest r) throws IOException {
        String branch = branch(r);
        String id = r.path("id");
        synchronized (writing) {
            Configuration c = find(ProfileDefinition.PID, branch, "id", id);
            if (c == null) throw new ApiProblem(404, "Not found", text(r, "site.profile.unknown", id));
            for (Configuration k : list(CounterDefinition.PID, branch)) {
                if (str(k, "profile").equals(str(c, "id"))) {
                    throw new ApiProblem(409, "Conflict", text(r, "site.profile.inUse", id, str(k, "id")));
                }
            }
            remove(c);
            return Reply.noContent();
        }
    }

    // ------------------------------------------------------------------ writing

    /** The properties to write: the existing ones (comments of hand-written files stay in the file), or a new set. */
    private static Dictionary<String, Object> base(Configuration existing, String branch) {
        Dictionary<String, Object> props = new Hashtable<>();
        if (existing != null && existing.getProperties() != null) {
            for (Enumeration<String> k = existing.getProperties().keys(); k.hasMoreElements();) {
                String key = k.nextElement();
                props.put(key, existing.getProperties().get(key));
            }
        }
        props.put("branch", branch);
        return props;
    }

    /**
     * Writes a configuration. A new one is named after its branch and id and gets its own file in
     * Karaf's etc folder, as Karaf's {@code config:edit} does (FileInstall writes an edit of a
     * configuration back to its file, but makes no file for a configuration it did not read).
     */
    private Configuration write(Configuration existing, String factoryPid, String name, Dictionary<String, Object> props,
            Locale locale) throws IOException {
        Configuration c = existing;
        File file = null;
        if (c == null) {
            c = cm.getFactoryConfiguration(factoryPid, name, "?");
            if (c.getProperties() != null) {
                // the name is taken by an element renamed inside its file: a fresh name beside it
                c = cm.getFactoryConfiguration(factoryPid, name + "-" + Long.toString(System.currentTimeMillis(), 36), "?");
            }
            String etc = System.getProperty("karaf.etc");
            if (etc != null) {
                file = new File(etc, c.getPid().replace('~', '-') + ".cfg");
                props.put(FILENAME, file.toURI().toString());
            }
        }
        props.remove("service.pid");
        props.remove("service.factoryPid");
        if (file != null) {
            // the file first: one that cannot be written leaves ConfigAdmin as it was
            try {
                writeFile(file, props);
            } catch (IOException e) {
                throw new ApiProblem(503, "Service unavailable", Messages.text(locale, "site.fileUnwritable", file.getName(), String.valueOf(e.getMessage())));
            }
        }
        c.update(props);
        return c;
    }

    /** Deletes a configuration and its file (FileInstall would read it again at the next start). */
    private static void remove(Configuration c) throws IOException {
        Object name = c.getProperties() == null ? null : c.getProperties().get(FILENAME);
        c.delete();
        String etc = System.getProperty("karaf.etc");
        if (name == null || etc == null) return;
        try {
            java.nio.file.Path file = java.nio.file.Path.of(java.net.URI.create(name.toString())).normalize();
            if (file.startsWith(java.nio.file.Path.of(etc).toAbsolutePath().normalize())) java.nio.file.Files.deleteIfExists(file);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // not a file address: nothing of ours to delete
        }
    }

    /** A new .cfg file, whole or not at all (written beside it, then moved in). */
    static void writeFile(File file, Dictionary<String, Object> props) throws IOException {
        // in the order of the keys, for a person reading the file (store writes what entrySet gives)
        java.util.Properties out = new java.util.Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public Set<Map.Entry<Object, Object>> entrySet() {
                Set<Map.Entry<Object, Object>> sorted = new java.util.TreeSet<>(Comparator.comparing(e -> e.getKey().toString()));
                sorted.addAll(super.entrySet());
                return sorted;
            }
        };
        for (Enumeration<String> k = props.keys(); k.hasMoreElements();) {
            String key = k.nextElement();
            if (key.startsWith("service.") || key.startsWith("felix.fileinstall.")) continue;
            out.setProperty(key, String.valueOf(props.get(key)));
        }
        File tmp = new File(file.getParentFile(), "." + file.getName() + ".tmp");
        try (java.io.Writer w = new java.io.OutputStreamWriter(new java.io.FileOutputStream(tmp), java.nio.charset.StandardCharsets.UTF_8)) {
            out.store(w, "Written by Talon's site editor (the manager page); edit it here or there");
        }
        java.nio.file.Files.move(tmp.toPath(), file.toPath(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    // ------------------------------------------------------------------ checks and texts

    private static void checkText(RouteRequest r, String field, String value, int max) {
        try {
            Limits.check(field, value, max);
        } catch (QueueException e) {
            throw QueueRoutes.problem(e, r.locale());
        }
    }

    private static int range(RouteRequest r, String field, Integer value, int otherwise, int min, int max) {
        if (value == null) return otherwise;
        if (value < min || value > max) throw bad(r, "site.range", field, min, max);
        return value;
    }

    private static ApiProblem bad(RouteRequest r, String key, Object... args) {
        return new ApiProblem(400, "Bad request", text(r, key, args));
    }

    private static String text(RouteRequest r, String key, Object... args) {
        return QueueRoutes.text(r, key, args);
    }

    private void route(BundleContext context, String method, String path, Class<?> body, Class<?> answer, String summary,
            RouteRegistrations.Handler handler) {
        RouteSpec.Builder spec = RouteSpec.builder(method, path).roles(MANAGERS).requestType(body).responseType(answer).summary(summary)
                .answer(404, "No such branch (or element, for DELETE)");
        if (method.equals("PUT")) {
            spec.answer(201, "It was new: added").answer(400, "A value is not one this setting takes (the detail names it)")
                    .answer(409, "The change would leave the branch inconsistent (the detail says how)")
                    .answer(503, "The configuration file could not be written; nothing changed");
        } else if (method.equals("DELETE")) {
            spec.status(204).answer(409, "Still in use (the detail says by what)");
        }
        routes.add(spec.build(), handler);
    }
}
