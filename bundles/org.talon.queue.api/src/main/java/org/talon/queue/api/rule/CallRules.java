package org.talon.queue.api.rule;

import java.util.List;

/** The names of the rules the queue engine comes with. */
public final class CallRules {
    private CallRules() {
    }

    /** The first queue in the profile's order that has someone waiting. */
    public static final String STRICT_ORDER = "STRICT_ORDER";
    /** The queue whose first customer has waited longest (counting priority head starts). */
    public static final String LONGEST_WAIT = "LONGEST_WAIT";
    /** The queue whose first customer reaches (or passed) their service's target wait first. */
    public static final String EARLIEST_BREACH = "EARLIEST_BREACH";
    /**
     * A pattern: the entries in order, each called while fewer than its limit were called in this
     * round; an entry without a limit ends the round.
     */
    public static final String WEIGHTED = "WEIGHTED";

    /** The built-in rules, in the order the site editor offers them. */
    public static final List<String> BUILT_IN = List.of(STRICT_ORDER, LONGEST_WAIT, EARLIEST_BREACH, WEIGHTED);
}
