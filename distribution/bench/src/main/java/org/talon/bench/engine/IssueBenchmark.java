package org.talon.bench.engine;

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
import java.time.Instant;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.Ticket;
import org.talon.queue.internal.engine.BranchState;
import org.talon.queue.internal.engine.LiveTicket;

/**
 * Issuing a ticket with daily numbering, on {@link BranchState} directly (one thread, no OSGi, no
 * storage). The kiosk asks for services A to T in turn, every tenth round as a priority
 * customer (10-minute head start, so it is placed ahead of others rather than at the end).
 *
 * <p>The clock moves 30 seconds per ticket: 2,880 tickets a business day (2,760 or 3,000 on the
 * days daylight saving changes), about 144 per prefix, so numbers run A001..A144 and restart at
 * midnight in Europe/Warsaw once every 2,880 operations; a measurement iteration of two
 * seconds crosses midnight hundreds of times. The tear-down checks that the numbers did restart.
 *
 * <p>The waiting line stays at {@code waiting} tickets (spread evenly over the 20 queues): before
 * each issue a {@code @Setup(Level.Invocation)} calls the longest-waiting ticket to the counter,
 * finishes it and drains the journal of the previous issue, all outside the timing. JMH then
 * times every issue by itself, so the figures include two {@code System.nanoTime()} reads
 * (some 20-30 ns on Linux).
 *
 * <ul>
 * <li>{@link #issue}: one operation is {@code BranchState.issue}: validation, the daily number,
 * the new ticket with its public id, its place in its queue's line, the {@code TicketIssued}
 * event and its JSON payload.</li>
 * <li>{@link #issueAndView}: one operation is {@code view(issue(...))}, which is what
 * {@code QueueEngine.issue} runs on the branch's writer for every ticket (the reply carries the
 * ticket's place in line and its wait estimate), storage excepted.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IssueBenchmark {
    static final long STEP_SECONDS = 30;
    /** Highest daily number a prefix can reach: 3,000 tickets on a 25-hour day over 20 prefixes, and some slack. */
    static final int MAX_DAILY_NUMBER = 160;

    /** A branch with {@code waiting} tickets waiting and the counter open and free. */
    @State(Scope.Thread)
    public static class Kiosk {
        /** Tickets waiting at every issue (before it; one more after it). */
        @Param({"100", "10000"})
        public int waiting;

        BranchState state;
        SyntheticClock clock;
        IssueRequest[] requests;
        int next;
        Instant now;
        LiveTicket last;

        @Setup(Level.Trial)
        public void fill() {
            state = BenchBranch.state(BenchBranch.LONGEST_WAIT, null);
            clock = new SyntheticClock(BenchBranch.MONDAY_MORNING.minusSeconds(waiting * STEP_SECONDS), STEP_SECONDS);
            requests = new IssueRequest[BenchBranch.SERVICES * 10];
            for (int i = 0; i < requests.length; i++) {
                requests[i] = BenchBranch.request(i % BenchBranch.SERVICES,
                        i / BenchBranch.SERVICES == 0 ? PriorityClass.PRIORITY : PriorityClass.NORMAL);
            }
            BenchBranch.fill(state, clock, requests, waiting);
            next = waiting % requests.length;
            state.open(BenchBranch.COUNTER, "operator", clock.tick());
            state.drain();
        }

        /** Brings the line back to {@code waiting - 1}: one call and finish; and takes the time of the next issue. */
        @Setup(Level.Invocation)
        public void makeRoom() {
            now = clock.tick();
            if (state.call(BenchBranch.COUNTER, now) == null) throw new IllegalStateException("nobody waiting");
            state.finish(BenchBranch.COUNTER, now);
            state.drain();
        }

        IssueRequest request() {
            IssueRequest r = requests[next];
            next = (next + 1) % requests.length;
            return r;
        }

        @TearDown(Level.Iteration)
        public void check() {
            if (state.waiting() != waiting) throw new IllegalStateException("waiting " + state.waiting() + ", not " + waiting);
            if (last.dailyNumber > MAX_DAILY_NUMBER) {
                throw new IllegalStateException(last.number + " on " + last.day + ": the numbers did not restart at midnight");
            }
        }
    }

    /** Issue one ticket. */
    @Benchmark
    public LiveTicket issue(Kiosk k) {
        return k.last = k.state.issue(k.request(), k.now);
    }

    /** Issue one ticket and make the writer's reply: the ticket with its place in line and wait estimate. */
    @Benchmark
    public Ticket issueAndView(Kiosk k) {
        LiveTicket t = k.state.issue(k.request(), k.now);
        k.last = t;
        return k.state.view(t);
    }
}
