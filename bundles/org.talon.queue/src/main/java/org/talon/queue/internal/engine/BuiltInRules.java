package org.talon.queue.internal.engine;

import java.util.Comparator;
import java.util.Map;
import org.talon.queue.api.ProfileEntry;
import org.talon.queue.api.rule.CallContext;
import org.talon.queue.api.rule.CallRule;
import org.talon.queue.api.rule.CallRules;

/** The call rules the engine comes with, one class each, written against the rule SPI as any other rule is. */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    /** By name; a rule installed under one of these names does not replace it. */
    public static final Map<String, CallRule> ALL = Map.of(
            CallRules.STRICT_ORDER, new StrictOrder(),
            CallRules.LONGEST_WAIT, new LongestWait(),
            CallRules.EARLIEST_BREACH, new EarliestBreach(),
            CallRules.WEIGHTED, new Weighted());

    /** The first entry, in the profile's order, with someone waiting. */
    static final class StrictOrder implements CallRule {
        @Override
        public String choose(CallContext c) {
            for (ProfileEntry e : c.profile().entries()) {
                if (c.head(e.queue()) != null) return e.queue();
            }
            return null;
        }
    }

    /** The entry whose next customer comes first in call order (waited longest, counting head starts). */
    static final class LongestWait implements CallRule {
        @Override
        public String choose(CallContext c) {
            return best(c, CallContext.Head::compareOrder);
        }
    }

    /** The entry whose next customer reaches their service's target wait first; ties in call order. */
    static final class EarliestBreach implements CallRule {
        private static final Comparator<CallContext.Head> ORDER =
                Comparator.comparing(CallContext.Head::targetWaitAt).thenComparing(CallContext.Head::compareOrder);

        @Override
        public String choose(CallContext c) {
            return best(c, ORDER);
        }
    }

    /** The entry whose next customer comes first in this order, or null when no one waits. */
    private static String best(CallContext c, Comparator<CallContext.Head> order) {
        String best = null;
        CallContext.Head bestHead = null;
        for (ProfileEntry e : c.profile().entries()) {
            CallContext.Head h = c.head(e.queue());
            if (h != null && (bestHead == null || order.compare(h, bestHead) < 0)) {
                best = e.queue();
                bestHead = h;
            }
        }
        return best;
    }

    /**
     * Entries in order; a limited entry is called while fewer than its limit were called in this
     * round; an unlimited entry is called and ends the round. When no entry may be called but some
     * were called in this round, a new round starts.
     */
    static final class Weighted implements CallRule {
        @Override
        public String choose(CallContext c) {
            Map<String, Integer> round = c.memory();
            for (int attempt = 0; attempt < 2; attempt++) {
                for (ProfileEntry e : c.profile().entries()) {
                    if (c.head(e.queue()) == null) continue;
                    if (e.limit() <= 0) {
                        round.clear();
                        return e.queue();
                    }
                    int called = round.getOrDefault(e.queue(), 0);
                    if (called < e.limit()) {
                        round.put(e.queue(), called + 1);
                        return e.queue();
                    }
                }
                if (round.isEmpty()) return null;
                round.clear();
            }
            return null;
        }
    }
}
