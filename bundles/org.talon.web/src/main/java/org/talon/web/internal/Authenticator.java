package org.talon.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.talon.web.api.Role;

/**
 * HTTP Basic authentication against Karaf's JAAS realm {@code karaf}. A successful login is
 * remembered for a minute (keyed by a hash of the credentials), so a busy kiosk does not cost a
 * JAAS login per request.
 */
final class Authenticator {
    static final long CACHE_MILLIS = 60_000;

    /** Roles Karaf's console uses (etc/users.properties, admingroup); not roles of the API. */
    static final Set<String> KARAF_ONLY = Set.of("viewer", "systembundles", "ssh");

    record Caller(String user, Set<Role> roles) {
    }

    private record Cached(Caller caller, long until) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final LoginThrottle throttle = new LoginThrottle();
    private final java.util.function.Function<String, Caller> devices;

    Authenticator(java.util.function.Function<String, Caller> devices) {
        this.devices = devices;
    }

    /**
     * The caller for an Authorization header, or {@code null} when the credentials are wrong;
     * {@code address} is the client's, for the throttle of wrong passwords (429 once it holds).
     */
    Caller authenticate(String authorization, String address) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // device tokens are looked up every time, so a revoked token stops working at once
            return devices.apply(authorization.substring(7).trim());
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) return null;
        String key = sha256(decoded);
        forgetWhenUsersChanged();
        Cached c = cache.get(key);
        long now = System.currentTimeMillis();
        if (c != null && c.until > now) return c.caller;
        Caller caller = login(decoded.substring(0, colon), decoded.substring(colon + 1), address);
        if (caller != null) {
            if (cache.size() > 10_000) cache.clear();
            cache.put(key, new Cached(caller, now + CACHE_MILLIS));
        }
        return caller;
    }

    /** Karaf's users file, whose change (a new password, a user removed) empties the cache within 0.1 s. */
    private static final java.nio.file.Path USERS = java.nio.file.Path.of(System.getProperty("karaf.etc", "etc"), "users.properties");
    private volatile String usersStamp = "";
    /** The file is looked at no more often than this (a look per request was 3 % of a request thread's time). */
    static final long USERS_CHECK_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100);
    private volatile long usersCheckedAt = System.nanoTime() - USERS_CHECK_NANOS;

    private void forgetWhenUsersChanged() {
        long now = System.nanoTime();
        if (now - usersCheckedAt < USERS_CHECK_NANOS) return;
        usersCheckedAt = now;
        String stamp;
        try {
            var a = java.nio.file.Files.readAttributes(USERS, java.nio.file.attribute.BasicFileAttributes.class);
            stamp = a.lastModifiedTime().toMillis() + "/" + a.size() + "/" + a.fileKey();
        } catch (java.io.IOException | UnsupportedOperationException e) {
            stamp = "none"; // another JAAS realm: entries end with their lifetime
        }
        if (!stamp.equals(usersStamp)) {
            cache.clear();
            usersStamp = stamp;
        }
    }

    /** A JAAS login, unless this user at this address guessed wrong too often lately (then 429). */
    Caller login(String user, String password, String address) {
        String key = LoginThrottle.key(user, address);
        long now = System.currentTimeMillis();
        long wait = throttle.attempt(key, now);
        if (wait > 0) throw new WebProblem(429, "login.throttled", JsonBodies.echo(user), String.valueOf(wait)).retryAfter((int) wait);
        Caller caller = jaas(user, password);
        if (caller != null) throttle.succeeded(key);
        return caller;
    }

    static Caller jaas(String user, String password) {
        Subject subject = new Subject();
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(Authenticator.class.getClassLoader());
            LoginContext lc = new LoginContext("karaf", subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback n) n.setName(user);
                    else if (cb instanceof PasswordCallback p) p.setPassword(password.toCharArray());
                }
            });
            lc.login();
        } catch (LoginException e) {
            return null;
        } finally {
            Thread.currentThread().setContextClassLoader(tccl);
        }
        Set<Role> roles = new java.util.HashSet<>();
        for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
            // Karaf's console roles mean nothing to the API; any other role is one a route may ask
            // for (a domain's own, e.g. reception), given to users in etc/users.properties
            if (KARAF_ONLY.contains(p.getName())) continue;
            try {
                roles.add(Role.of(p.getName()));
            } catch (IllegalArgumentException notARoleName) {
                // a group name with spaces or such: not one a route can name
            }
        }
        return new Caller(user, roles);
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
