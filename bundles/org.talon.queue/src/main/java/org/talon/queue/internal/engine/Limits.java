package org.talon.queue.internal.engine;

import static org.talon.queue.api.QueueException.Reason.INVALID;

/**
 * The longest text the queue domain stores in each field (the widths of its columns), checked
 * on the caller's thread before a command reaches the branch's writer: a value the database
 * would refuse never gets into a group commit, where it would fail the commands beside it.
 */
public final class Limits {
    public static final int BRANCH = 64;
    public static final int COUNTER = 32;
    public static final int SERVICE = 32;
    public static final int QUEUE = 32;
    public static final int LANGUAGE = 16;
    public static final int OPERATOR = 64;
    public static final int CONTACT = BranchState.MAX_CONTACT;
    public static final int IDEMPOTENCY_KEY = BranchState.MAX_IDEMPOTENCY_KEY;
    /** A user or device name that issues tickets. */
    public static final int CALLER = 64;

    private Limits() {
    }

    /**
     * Refuses a value longer than {@code max} characters, or one holding a control character or
     * half of a surrogate pair (text no database column stores as sent); {@code null} passes.
     */
    public static void check(String field, String value, int max) {
        if (value == null) return;
        if (value.length() > max) throw Messages.refuse(INVALID, "value.tooLong", field, String.valueOf(max));
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch == 0x7f) throw Messages.refuse(INVALID, "value.control", field);
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw Messages.refuse(INVALID, "value.control", field);
            }
            if (Character.isLowSurrogate(ch)) throw Messages.refuse(INVALID, "value.control", field);
        }
    }
}
