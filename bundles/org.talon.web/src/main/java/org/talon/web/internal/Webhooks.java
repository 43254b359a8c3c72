package org.talon.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talon.event.api.BranchDirectory;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventLog;

/**
 * Webhooks: an integrator subscribes a URL to a branch's event types. Each subscription has one
 * delivery thread that reads the event log from its own position, POSTs each wanted event in
 * log order with an {@code X-Talon-Signature: sha256=<hex HMAC of the body>} header, and moves
 * on only after a 2xx, retrying with growing pauses otherwise: at least once, in order. The
 * position is kept in a file under {@code data/}, so a restart resumes where it stopped.
 */
@Component(service = Webhooks.class)
public final class Webhooks {
    static final String PID = "org.talon.web.webhook";
    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    static final long MAX_BACKOFF_MILLIS = 30_000;

    /** A subscription as listed (the secret is shown only when it is created). */
    public record Subscription(String id, String url, String branch, List<String> types) {
    }

    /** A new subscription with its secret. */
    public record NewSubscription(String id, String url, String branch, List<String> types, String secret) {
    }

    private final ConfigurationAdmin config;
    private final ObjectMapper json = JsonBodies.strictMapper();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile BranchDirectory branches;
    private final EventLog log;
    private final Path positions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Delivery> running = new ConcurrentHashMap<>();
    private volatile boolean active = true;

    @Activate
    public Webhooks(@Reference ConfigurationAdmin config, @Reference EventLog log, BundleContext context) throws Exception {
        this.config = config;
        this.log = log;
        String data = context.getProperty("karaf.data");
        this.positions = Path.of(data == null ? "data" : data, "talon", "webhooks");
        Files.createDirectories(positions);
        for (Subscription s : list()) start(s, secretOf(s.id()));
    }

    @Deactivate
    void deactivate() {
        active = false;
        running.values().forEach(Delivery::stop);
        running.clear();
    }

    static final int MAX_TYPES = 64;

    public NewSubscription create(String url, String branch, List<String> types) throws Exception {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url);
        } catch (IllegalArgumentException e) {
            throw new WebProblem(400, "webhook.urlInvalid", JsonBodies.echo(url));
        }
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
            throw new WebProblem(400, "webhook.urlScheme");
        }
        if (branch == null || branch.isEmpty()) throw new WebProblem(400, "webhook.branch");
        BranchDirectory directory = branches;
        if (directory == null) throw new ApiServlet.RetryLater("restarting.branches");
        if (!directory.exists(branch)) throw new WebProblem(400, "webhook.branchUnknown", JsonBodies.echo(branch));
        List<String> wanted = types == null ? List.of() : new ArrayList<>(types);
        if (wanted.size() > MAX_TYPES) throw new WebProblem(400, "webhook.tooManyTypes", MAX_TYPES);
        for (String t : wanted) {
            if (t == null || !t.matches("[A-Za-z]{1,64}")) throw new WebProblem(400, "webhook.type", JsonBodies.echo(String.valueOf(t)));
        }
        byte[] raw = new byte[12];
        RANDOM.nextBytes(raw);
        String id = "wh-" + HexFormat.of().formatHex(raw).substring(0, 12);
        byte[] secretBytes = new byte[24];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        // Start after what is in the log now: a new subscription gets events from its creation on.
        long start;
        try {
            start = log.lastSequence(branch);
        } catch (RuntimeException e) {
            throw new WebProblem(503, "storage.unavailable").retryAfter(5);
        }
        writePosition(id, start);
        Configuration c = config.getFactoryConfiguration(PID, id, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("id", id);
        props.put("url", uri.toString());
        props.put("branch", branch);
        props.put("types", String.join(",", wanted));
        props.put("secret", secret);
        c.update(props);
        Subscription s = new Subscription(id, uri.toString(), branch, wanted);
        start(s, secret);
        return new NewSubscription(id, s.url(), branch, wanted, secret);
    }

    public boolean delete(String id) throws Exception {
        if (id == null || !id.matches("wh-[0-9a-f]{12}")) return false;
        Configuration[] found = config.listConfigurations("(&(service.factoryPid=" + PID + ")(id=" + id + "))");
        if (found == null || found.length == 0) return false;
        Delivery d = running.remove(id);
        if (d != null) d.stop();
        found[0].delete();
        Files.deleteIfExists(positions.resolve(id));
        return true;
    }

    public List<Subscription> list() throws Exception {
        List<Subscription> out = new ArrayList<>();
        Configuration[] all = config.listConfigurations("(service.factoryPid=" + PID + ")");
        if (all != null) {
            for (Configuration c : all) {
                Dictionary<String, Object> p = c.getProperties();
                if (p == null) continue;
                String types = String.valueOf(p.get("types"));
                out.add(new Subscription(String.valueOf(p.get("id")), String.valueOf(p.get("url")), String.valueOf(p.get("branch")),
                        types.isBlank() ? List.of() : List.of(types.split(","))));
            }
        }
        out.sort(java.util.Comparator.comparing(Subscription::id));
        return out;
    }

    private String secretOf(String id) throws Exception {
        Configuration[] found = config.listConfigurations("(&(service.factoryPid=" + PID + ")(id=" + id + "))");
        return String.valueOf(found[0].getProperties().get("secret"));
    }

    private void start(Subscription s, String secret) {
        if (!active) return;
        Delivery d = new Delivery(s, secret);
        Delivery old = running.put(s.id(), d);
        if (old != null) old.stop();
        d.thread.start();
    }

    long readPosition(String id) {
        try {
            return Long.parseLong(Files.readString(positions.resolve(id)).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    void writePosition(String id, long seq) throws IOException {
        Path tmp = positions.resolve(id + ".tmp");
        Files.writeString(tmp, Long.toString(seq));
        Files.move(tmp, positions.resolve(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private final class Delivery implements Runnable {
        final Subscription s;
        final String secret;
        final Thread thread;
        volatile boolean stopped;

        Delivery(Subscription s, String secret) {
            this.s = s;
            this.secret = secret;
            this.thread = new Thread(this, "talon-webhook-" + s.id());
            thread.setDaemon(true);
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }

        @Override
        public void run() {
            long backoff = 500;
            long pos = readPosition(s.id());
            while (!stopped) {
                try {
                    List<DomainEvent> events = log.read(s.branch(), pos, 100);
                    if (events.isEmpty()) {
                        Thread.sleep(200);
                        continue;
                    }
                    for (DomainEvent e : events) {
                        if (stopped) return;
                        if (s.types().isEmpty() || s.types().contains(e.type())) deliver(e);
                        writePosition(s.id(), e.sequence());
                        pos = e.sequence();
                        backoff = 500;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    LOG.log(Level.FINE, "Webhook " + s.id() + " to " + s.url() + " failed; retrying in " + backoff + " ms", e);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        return;
                    }
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                }
            }
        }

        private void deliver(DomainEvent e) throws Exception {
            ObjectNode n = json.createObjectNode();
            n.put("sequence", e.sequence());
            n.put("branch", e.branch());
            n.put("type", e.type());
            n.put("time", e.time().toString());
            n.putRawValue("payload", new RawValue(e.payload()));
            byte[] body = json.writeValueAsBytes(n);
            HttpRequest req = HttpRequest.newBuilder(URI.create(s.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-Talon-Event", e.type())
                    .header("X-Talon-Delivery", s.id() + "-" + e.sequence()).header("X-Talon-Signature", sign(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) throw new IOException("webhook answered " + r.statusCode());
        }
    }
}
