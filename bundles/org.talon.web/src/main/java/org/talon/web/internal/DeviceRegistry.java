package org.talon.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.web.api.Role;

/**
 * Kiosks and displays log in with per-device bearer tokens. A token is shown once when an admin
 * creates it; only its SHA-256 hash is kept, in a factory configuration
 * {@code org.talon.web.device} named after the device, so revoking is deleting that configuration.
 */
@Component(service = {DeviceRegistry.class, org.osgi.service.cm.ConfigurationListener.class})
public final class DeviceRegistry implements org.osgi.service.cm.ConfigurationListener {
    static final String PID = "org.talon.web.device";
    static final Set<Role> DEVICE_ROLES = Set.of(Role.KIOSK, Role.DISPLAY);
    /** How a device appears as a caller ({@code RouteRequest.user()}): {@code device:kiosk-1}. */
    static final String DEVICE_PREFIX = "device:";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A device as listed: never its token. */
    public record Device(String name, String role, String created) {
    }

    /** A new device with its token, shown this once. */
    public record NewDevice(String name, String role, String token) {
    }

    /**
     * A page that asked to be paired: it shows {@code code}, an admin names the device with it, and
     * the page (which alone knows {@code id}) collects the token once.
     */
    public record Pairing(String id, String code, long expiresInSeconds) {
    }

    /** What the page polling its pairing learns: {@code waiting}, or {@code paired} with the token (once). */
    public record PairingState(String state, String name, String role, String token) {
    }

    private record Pending(String id, String code, Instant expires, NewDevice device) {
    }

    /** Unambiguous on a screen read from a distance: no 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
    static final String CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479";
    static final int CODE_LENGTH = 6;
    static final java.time.Duration PAIRING_TIME = java.time.Duration.ofMinutes(10);
    /** Pairings waiting at once: asking needs no login, so it is bounded. */
    static final int MAX_PENDING = 1000;
    private final java.util.Map<String, Pending> pending = new java.util.LinkedHashMap<>();

    private final ConfigurationAdmin config;

    @Activate
    public DeviceRegistry(@Reference ConfigurationAdmin config) {
        this.config = config;
    }

    /** A page asks to be paired (no login): a code to show, and its own id to poll with. */
    public synchronized Pairing startPairing(Instant now) {
        expire(now);
        if (pending.size() >= MAX_PENDING) throw new WebProblem(503, "pairing.tooMany");
        String code;
        do {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < CODE_LENGTH; i++) b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            code = b.toString();
        } while (byCode(code) != null);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        pending.put(id, new Pending(id, code, now.plus(PAIRING_TIME), null));
        return new Pairing(id, code, PAIRING_TIME.toSeconds());
    }

    /** The state of a pairing; once paired, the token is handed out this one time and the pairing ends. */
    public synchronized PairingState pairingState(String id, Instant now) {
        expire(now);
        Pending p = id == null ? null : pending.get(id);
        if (p == null) throw new WebProblem(404, "pairing.unknown");
        if (p.device == null) return new PairingState("waiting", null, null, null);
        pending.remove(id);
        return new PairingState("paired", p.device.name(), p.device.role(), p.device.token());
    }

    /**
     * An admin pairs the page showing {@code code}: the device is created as by {@link #create} and
     * its token goes to that page, never to the admin.
     */
    public synchronized Device pair(String code, String name, String roleName, Instant now) throws Exception {
        expire(now);
        String normal = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        Pending p = byCode(normal);
        if (p == null || p.device != null) throw new WebProblem(404, "pairing.unknownCode", code == null ? "" : code);
        NewDevice d = create(name, roleName);
        pending.put(p.id, new Pending(p.id, p.code, p.expires, d));
        return new Device(d.name(), d.role(), now.toString());
    }

    private Pending byCode(String code) {
        for (Pending p : pending.values()) if (p.code.equals(code)) return p;
        return null;
    }

    private void expire(Instant now) {
        pending.values().removeIf(p -> !p.expires.isAfter(now));
    }

    public NewDevice create(String name, String roleName) throws Exception {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new WebProblem(400, "device.badName");
        }
        Role role;
        try {
            role = Role.of(roleName == null ? "" : roleName);
        } catch (IllegalArgumentException e) {
            role = null;
        }
        if (role == null || !DEVICE_ROLES.contains(role)) {
            throw new WebProblem(400, "device.badRole");
        }
        if (find(name) != null) {
            throw new WebProblem(409, "device.exists", name);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Configuration c = config.getFactoryConfiguration(PID, name, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("role", role.name().toLowerCase(Locale.ROOT));
        props.put("tokenHash", hash(token));
        props.put("created", Instant.now().toString());
        c.update(props);
        return new NewDevice(name, role.name().toLowerCase(Locale.ROOT), token);
    }

    /** Revokes a device's token; false when there is no such device. */
    /** The event streams, whose streams of a deleted device end with it. */
    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    volatile EventStreams streams;

    /**
     * Revokes a device: its token stops working at once; the streams it holds end with the
     * deletion of its configuration ({@link #configurationEvent}), however that was deleted.
     */
    public boolean revoke(String name) throws Exception {
        Configuration c = find(name);
        if (c == null) return false;
        c.delete();
        synchronized (verified) {
            forgetVerified();
        }
        return true;
    }

    /**
     * A device's configuration deleted (revoked, config:delete, its file removed): the streams
     * of devices that no longer exist end now.
     */
    @Override
    public void configurationEvent(org.osgi.service.cm.ConfigurationEvent event) {
        if (!PID.equals(event.getFactoryPid())) return;
        synchronized (verified) {
            forgetVerified();
        }
        if (event.getType() != org.osgi.service.cm.ConfigurationEvent.CM_DELETED) return;
        EventStreams s = streams;
        if (s == null) return;
        for (String caller : s.callers()) {
            if (!caller.startsWith(DEVICE_PREFIX)) continue;
            try {
                if (find(caller.substring(DEVICE_PREFIX.length())) == null) s.closeCaller(caller);
            } catch (Exception e) {
                // ConfigAdmin did not answer: the next deletion looks again
            }
        }
    }

    public List<Device> list() throws Exception {
        List<Device> out = new ArrayList<>();
        Configuration[] all = config.listConfigurations("(service.factoryPid=" + PID + ")");
        if (all != null) {
            for (Configuration c : all) {
                Dictionary<String, Object> p = c.getProperties();
                if (p != null) out.add(new Device(String.valueOf(p.get("name")), String.valueOf(p.get("role")), String.valueOf(p.get("created"))));
            }
        }
        out.sort(java.util.Comparator.comparing(Device::name));
        return out;
    }

    /**
     * Tokens verified since the devices' configurations last changed, by hash: a lookup in
     * ConfigAdmin on every request was 6 % of a request thread's time. Any change to a device's
     * configuration (a new device, a revocation, config:delete, a file removed) empties it;
     * {@link #revoke} empties it itself, before it returns, so a revoked token is refused at once.
     */
    private final java.util.Map<String, Authenticator.Caller> verified = new java.util.concurrent.ConcurrentHashMap<>();
    /** Counts the emptyings, so a lookup that raced with one does not put back what it read before. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private void forgetVerified() {
        generation.incrementAndGet();
        verified.clear();
    }

    /** The device a token belongs to, as a caller, or {@code null}. */
    Authenticator.Caller authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return null;
        String hash = hash(token.strip());
        Authenticator.Caller known = verified.get(hash);
        if (known != null) return known;
        long before = generation.get();
        try {
            Configuration[] found = config.listConfigurations(
                    "(&(service.factoryPid=" + PID + ")(tokenHash=" + hash + "))");
            if (found == null || found.length == 0) return null;
            Dictionary<String, Object> p = found[0].getProperties();
            Role role = Role.of(String.valueOf(p.get("role")));
            // a device is its own kind of principal: a kiosk named like a user shares nothing with
            // that user (idempotency keys, stream limits)
            Authenticator.Caller caller = new Authenticator.Caller(DEVICE_PREFIX + p.get("name"), Set.of(role));
            synchronized (verified) {
                if (generation.get() == before && verified.size() < 10_000) verified.put(hash, caller);
            }
            return caller;
        } catch (Exception e) {
            return null;
        }
    }

    private Configuration find(String name) throws java.io.IOException, InvalidSyntaxException {
        if (name == null || !name.matches("[a-z0-9-]{1,40}")) return null;
        Configuration[] found = config.listConfigurations("(&(service.factoryPid=" + PID + ")(name=" + name + "))");
        return found == null || found.length == 0 ? null : found[0];
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
