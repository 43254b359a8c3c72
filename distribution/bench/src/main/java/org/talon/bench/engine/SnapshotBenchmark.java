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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.internal.engine.BranchState;
import org.talon.queue.internal.engine.LiveTicket;
import org.talon.queue.internal.engine.Snapshot;

/**
 * What readers cost the writer and what a read costs: after every group the writer publishes a
 * {@link Snapshot} (the queue engine's reads never wait for it). {@link #publish} is making one
 * after a group of call + finish + issue (the group itself runs in the set-up, untimed), with
 * {@link #waiting} tickets across 20 queues; {@link #readAll} is a reader's first
 * {@code activeTickets()} of a fresh snapshot (places and estimates worked out for every ticket).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SnapshotBenchmark {
    @State(Scope.Thread)
    public static class AfterAGroup {
        @Param({"64", "10000"})
        public int waiting;

        BranchState state;
        SyntheticClock clock;
        IssueRequest[] requests;

        @Setup(Level.Trial)
        public void fill() {
            state = BenchBranch.state(BenchBranch.LONGEST_WAIT, Duration.ofHours(20));
            clock = new SyntheticClock(BenchBranch.MONDAY_MORNING.minusSeconds(waiting * 10L), 10);
            requests = new IssueRequest[BenchBranch.SERVICES];
            for (int i = 0; i < requests.length; i++) requests[i] = BenchBranch.request(i, PriorityClass.NORMAL);
            BenchBranch.fill(state, clock, requests, waiting);
            state.open(BenchBranch.COUNTER, "operator", clock.tick());
            state.drain();
            state.snapshot();
        }

        /** A group as the writer runs one: call, finish, issue the replacement, drain. */
        @Setup(Level.Invocation)
        public void group() {
            Instant now = clock.tick();
            LiveTicket called = state.call(BenchBranch.COUNTER, now);
            state.finish(BenchBranch.COUNTER, now);
            state.issue(requests[BenchBranch.index(called.service)], now);
            state.drain();
        }
    }

    @Benchmark
    public Snapshot publish(AfterAGroup g) {
        return g.state.snapshot();
    }

    @Benchmark
    public void readAll(AfterAGroup g, Blackhole bh) {
        bh.consume(g.state.snapshot().activeTickets());
    }
}
