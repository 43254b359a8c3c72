package org.talon.queue.internal.engine;

import java.time.Instant;
import java.util.Map;
import org.talon.queue.api.WorkProfile;
import org.talon.queue.api.rule.CallContext;

/** What a call rule sees of a branch when one of its counters calls: read-only, for that one call. */
final class RuleContext implements CallContext {
    private final BranchState branch;
    private final LiveCounter counter;
    private final WorkProfile profile;
    private final Instant now;

    RuleContext(BranchState branch, LiveCounter counter, WorkProfile profile, Instant now) {
        this.branch = branch;
        this.counter = counter;
        this.profile = profile;
        this.now = now;
    }

    @Override
    public WorkProfile profile() {
        return profile;
    }

    @Override
    public String counter() {
        return counter.id;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public CallContext.Head head(String queue) {
        LiveTicket t = branch.head(queue);
        return t == null ? null : new HeadView(t);
    }

    @Override
    public Map<String, Integer> memory() {
        return counter.round;
    }

    private final class HeadView implements CallContext.Head {
        final LiveTicket t;

        HeadView(LiveTicket t) {
            this.t = t;
        }

        @Override
        public Instant issuedAt() {
            return t.issuedAt;
        }

        @Override
        public Instant orderKey() {
            return t.lineKey;
        }

        @Override
        public Instant targetWaitAt() {
            return branch.breachAt(t);
        }

        @Override
        public int compareOrder(CallContext.Head other) {
            return Line.ORDER.compare(t, ((HeadView) other).t);
        }
    }
}
