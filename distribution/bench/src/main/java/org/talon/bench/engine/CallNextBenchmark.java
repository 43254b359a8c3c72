package org.talon.bench.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.internal.engine.BranchState;
import org.talon.queue.internal.engine.LiveTicket;

/**
 * Choosing the next ticket with {@value #WAITING} tickets waiting across 20 queues (services A
 * to T, each its own queue, 500 waiting in each), once per work profile: the four call rules
 * and {@code CONDITION} (longest wait plus "call from T when its first customer has waited
 * over 20 hours"); see {@link BenchBranch#state}. Everything runs on {@link BranchState}
 * directly, on one thread, outside OSGi and without storage: the in-memory part of what the
 * branch's writer does per command.
 *
 * <p>The waiting line stays at {@value #WAITING} in every queue at every call: each ticket called
 * is finished and replaced by a new ticket for the <em>same</em> service, issued at the same
 * time. The queues therefore never empty, which means {@code STRICT_ORDER} always finds someone
 * in its first queue (its best case), and {@code WEIGHTED} walks its whole pattern every round.
 * The clock moves 10 seconds per operation, so a ticket waits about 28 hours of synthetic time
 * before it is called, the business day changes every 8,640 operations and the numbering
 * restarts then. Who gets called: {@code STRICT_ORDER} only A; {@code LONGEST_WAIT} and
 * {@code EARLIEST_BREACH} every queue in turn; {@code WEIGHTED} A 15 %, B 12 %, C 8 %, the others
 * 4 % each; under {@code CONDITION} the condition holds the first customer of T at about 20 hours'
 * wait, and T gets about 7 % of the calls instead of 5 %.
 *
 * <ul>
 * <li>{@link #callFinishIssue}: one operation is the steady-state triple {@code call} +
 * {@code finish} + {@code issue} (the replacement) + {@code drain} of the journal (the engine
 * drains after every command; here once for the three).</li>
 * <li>{@link #call}: one operation is {@code call} alone. The finish of the previous ticket,
 * its replacement and the drain run before it in a {@code @Setup(Level.Invocation)}, outside
 * the timing; JMH then times every call by itself, so the figure includes two
 * {@code System.nanoTime()} reads (some 20-30 ns on Linux).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CallNextBenchmark {
    static final int WAITING = 10_000;
    static final long STEP_SECONDS = 10;
    static final Duration CONDITION_OVER = Duration.ofHours(20);

    /** The branch with {@value #WAITING} waiting and the counter open and free. */
    @State(Scope.Thread)
    public static class Hall {
        @Param({BenchBranch.STRICT_ORDER, BenchBranch.LONGEST_WAIT, BenchBranch.EARLIEST_BREACH,
                BenchBranch.WEIGHTED, BenchBranch.CONDITION})
        public String profile;

        BranchState state;
        SyntheticClock clock;
        /** The replacement request per service, indexed by {@link BenchBranch#index}. */
        IssueRequest[] requests;

        @Setup(Level.Trial)
        public void fill() {
            state = BenchBranch.state(profile, CONDITION_OVER);
            clock = new SyntheticClock(BenchBranch.MONDAY_MORNING.minusSeconds(WAITING * STEP_SECONDS), STEP_SECONDS);
            requests = new IssueRequest[BenchBranch.SERVICES];
            for (int i = 0; i < requests.length; i++) requests[i] = BenchBranch.request(i, PriorityClass.NORMAL);
            BenchBranch.fill(state, clock, requests, WAITING);
            state.open(BenchBranch.COUNTER, "operator", clock.tick());
            state.drain();
        }

        IssueRequest replacementFor(LiveTicket called) {
            return requests[BenchBranch.index(called.service)];
        }

        /** Guards the figures: the line kept its length (call-only ends one short: its last call is not put back). */
        @TearDown(Level.Trial)
        public void check() {
            int w = state.waiting();
            if (w != WAITING && w != WAITING - 1) throw new IllegalStateException("waiting " + w + ", not " + WAITING);
        }
    }

    /** {@link Hall}, and before every call: finish the ticket called last, issue its replacement, drain. */
    @State(Scope.Thread)
    public static class FreeCounter extends Hall {
        Instant now;

        @Setup(Level.Invocation)
        public void putBack() {
            now = clock.tick();
            LiveTicket last = state.liveCounters().iterator().next().current;
            if (last != null) {
                state.finish(BenchBranch.COUNTER, now);
                state.issue(replacementFor(last), now);
            }
            state.drain();
        }
    }

    /** Call the next ticket, finish it at once, issue a ticket for the same service, drain the journal. */
    @Benchmark
    public LiveTicket callFinishIssue(Hall h, Blackhole bh) {
        Instant now = h.clock.tick();
        LiveTicket called = h.state.call(BenchBranch.COUNTER, now);
        bh.consume(h.state.finish(BenchBranch.COUNTER, now));
        LiveTicket issued = h.state.issue(h.replacementFor(called), now);
        bh.consume(h.state.drain());
        return issued;
    }

    /** Call the next ticket to the free counter; nothing else is timed. */
    @Benchmark
    public LiveTicket call(FreeCounter h) {
        return h.state.call(BenchBranch.COUNTER, h.now);
    }
}
