package org.talon.queue.api;

import java.util.List;

/**
 * A command was refused. {@link #reason()} says why in a form a program can act on;
 * {@link #key()} and {@link #args()} let a user interface show the message in the user's
 * language; {@link #getMessage()} is the English text.
 */
public class QueueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a command was refused. */
    public enum Reason {
        /** A branch, service, queue, counter, profile or ticket does not exist. */
        NOT_FOUND,
        /** The ticket or counter is in a state that does not allow the action. */
        ILLEGAL_STATE,
        /** The request itself is malformed. */
        INVALID,
        /** The database could not store the change; nothing was stored. */
        UNAVAILABLE,
        /** The caller may not do this: an operator acting at a counter where another operator is logged in. */
        FORBIDDEN,
        /** An idempotency key the same caller used before for a different request; nothing was changed. */
        KEY_REUSED
    }

    private final Reason reason;
    private final String key;
    private final List<Object> args;

    public QueueException(Reason reason, String key, String englishMessage, Object... args) {
        super(englishMessage);
        this.reason = reason;
        this.key = key;
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    /** Message key in the queue bundle's resource bundle {@code OSGI-INF/l10n/messages}. */
    public String key() {
        return key;
    }

    /** Message arguments, in the order the key's pattern uses them. */
    public List<Object> args() {
        return args;
    }
}
