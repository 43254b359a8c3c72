package org.talon.workflow.api;

/**
 * Where a request came in: the public web form, the contact centre (an agent types in a phone
 * call), a counter (an operator turns a visit into a request), the kiosk, or another system
 * through the API.
 */
public enum Intake {
    WEB, CONTACT_CENTRE, COUNTER, KIOSK, API;

    /**
     * An intake by its name in any case, {@code -} or {@code _} between words, e.g. {@code contact-centre}.
     *
     * @return null for a blank name
     * @throws IllegalArgumentException for a name that is none of them
     */
    public static Intake parse(String name) {
        if (name == null || name.isBlank()) return null;
        return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
