package org.talon.web.api;

import java.util.Locale;
import java.util.Objects;

/**
 * Who may call a route: a role by its name, as Karaf's users and groups carry it
 * ({@code etc/users.properties}). The platform's roles are the constants here; a domain names its
 * own with {@link #of} (e.g. {@code Role.of("reception")}) and an admin gives it to users in
 * Karaf, so adding a role needs no change of the platform (since 2.0; an enum before).
 */
public final class Role {
    /** Anyone, without logging in. */
    public static final Role PUBLIC = new Role("public");
    /** Always allowed, on every route. */
    public static final Role ADMIN = new Role("admin");
    public static final Role MANAGER = new Role("manager");
    public static final Role OPERATOR = new Role("operator");
    public static final Role RECEPTION = new Role("reception");
    /** A kiosk device (per-device token). */
    public static final Role KIOSK = new Role("kiosk");
    /** A display device (per-device token). */
    public static final Role DISPLAY = new Role("display");

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private final String name;

    private Role(String name) {
        this.name = name;
    }

    /**
     * The role of this name, in lower case: letters, digits, {@code -} and {@code _}, starting
     * with a letter, at most 40 characters.
     *
     * @throws IllegalArgumentException for a name that cannot be a role's
     */
    public static Role of(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) throw new IllegalArgumentException("not a role name: '" + name + "'");
        return switch (n) {
            case "public" -> PUBLIC;
            case "admin" -> ADMIN;
            case "manager" -> MANAGER;
            case "operator" -> OPERATOR;
            case "reception" -> RECEPTION;
            case "kiosk" -> KIOSK;
            case "display" -> DISPLAY;
            default -> new Role(n);
        };
    }

    /** The role's name in lower case, e.g. {@code manager}. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Role r && r.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
