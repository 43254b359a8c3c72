package org.talon.web.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff logins from a page: the user name and password are checked once against the Karaf JAAS
 * realm, and the page then holds a random session id in an HttpOnly, SameSite=Strict cookie. A
 * session ends at logout or after {@link #IDLE} without a request. Sessions live in memory: after
 * a restart staff log in again (kiosks and displays keep their device cookie).
 */
final class Sessions {
    static final String COOKIE = "talon-session";
    static final Duration IDLE = Duration.ofMinutes(30);
    /** Sessions at once; the oldest idle ones go first beyond it. */
    static final int MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(Authenticator.Caller caller, long lastUsed) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    String start(Authenticator.Caller caller, long nowMillis) {
        if (sessions.size() >= MAX) expire(nowMillis);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        sessions.put(id, new Session(caller, nowMillis));
        return id;
    }

    /** The caller of a session still alive, which this use keeps alive; null otherwise. */
    Authenticator.Caller use(String id, long nowMillis) {
        if (id == null) return null;
        Session s = sessions.get(id);
        if (s == null) return null;
        if (nowMillis - s.lastUsed > IDLE.toMillis()) {
            sessions.remove(id);
            return null;
        }
        // written back at most every few seconds, not on every request
        if (nowMillis - s.lastUsed > 5_000) sessions.put(id, new Session(s.caller, nowMillis));
        return s.caller;
    }

    void end(String id) {
        if (id != null) sessions.remove(id);
    }

    private void expire(long nowMillis) {
        sessions.values().removeIf(s -> nowMillis - s.lastUsed > IDLE.toMillis());
        if (sessions.size() >= MAX) {
            sessions.entrySet().stream().min(java.util.Comparator.comparingLong(e -> e.getValue().lastUsed))
                    .ifPresent(e -> sessions.remove(e.getKey()));
        }
    }

    /** A browser-session cookie (the server ends the session when idle); {@code null} clears it. */
    static String cookie(String id, boolean secure) {
        return COOKIE + "=" + (id == null ? "; Max-Age=0" : id) + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
