package org.talon.web.api;

/** Who may call a route. */
public enum Role {
    /** Anyone, without logging in. */
    PUBLIC,
    ADMIN,
    MANAGER,
    OPERATOR,
    RECEPTION,
    /** A kiosk device (per-device token). */
    KIOSK,
    /** A display device (per-device token). */
    DISPLAY
}
