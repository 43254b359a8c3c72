package org.talon.bench.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.talon.queue.api.Branch;
import org.talon.queue.api.CallCondition;
import org.talon.queue.api.rule.CallRules;
import org.talon.queue.api.Channel;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.ProfileEntry;
import org.talon.queue.api.Service;
import org.talon.queue.api.WorkProfile;
import org.talon.queue.internal.engine.BranchSetup;
import org.talon.queue.internal.engine.BranchState;

/**
 * The branch the engine benchmarks run on, set up the way the engine's unit tests set up theirs
 * ({@code Fixtures} in org.talon.queue's tests): twenty services {@code A} to {@code T}, each
 * with its own queue of the same name and its own ticket prefix, in Europe/Warsaw, one counter
 * ({@value #COUNTER}) whose work profile lists all twenty queues.
 */
final class BenchBranch {
    static final int SERVICES = 20;
    static final String COUNTER = "1";
    static final String BRANCH = "bench";
    static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");
    /** 08:00 in Warsaw, a Monday: the benchmarks' clocks start about here. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T07:00:00Z");

    /** The profiles the call-next benchmark compares: the four call rules and a rule with a condition. */
    static final String STRICT_ORDER = "STRICT_ORDER";
    static final String LONGEST_WAIT = "LONGEST_WAIT";
    static final String EARLIEST_BREACH = "EARLIEST_BREACH";
    static final String WEIGHTED = "WEIGHTED";
    static final String CONDITION = "CONDITION";

    private BenchBranch() {
    }

    /** Service code, queue id and prefix of service {@code i}: A, B, ... T. */
    static String code(int i) {
        return String.valueOf((char) ('A' + i));
    }

    /** The index of a service code made by {@link #code(int)}. */
    static int index(String code) {
        return code.charAt(0) - 'A';
    }

    /**
     * A fresh branch state whose counter calls with the named profile.
     *
     * <ul>
     * <li>{@code STRICT_ORDER}, {@code LONGEST_WAIT}, {@code EARLIEST_BREACH}: the rule over A..T;</li>
     * <li>{@code WEIGHTED}: the pattern A:4, B:3, C:2, D..S:1 each, then T without limit (which ends
     * the round): 26 calls a round when every queue has someone;</li>
     * <li>{@code CONDITION}: {@code LONGEST_WAIT} over A..T, and "when the first customer of T has
     * waited longer than {@code conditionOver}, call from T", checked before the rule on every call.</li>
     * </ul>
     *
     * Target waits differ per service (5 to 24 minutes) so that {@code EARLIEST_BREACH} is not
     * the same order as {@code LONGEST_WAIT}; priority customers get a 10-minute head start.
     */
    static BranchState state(String profile, Duration conditionOver) {
        Map<String, Service> services = new LinkedHashMap<>();
        Map<String, List<String>> queues = new LinkedHashMap<>();
        List<ProfileEntry> all = new ArrayList<>();
        List<ProfileEntry> pattern = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            String c = code(i);
            Duration target = Duration.ofMinutes(5 + (i * 7) % SERVICES);
            services.put(c, Service.builder().branch(BRANCH).code(c).names(Map.of("en", "Service " + c)).prefix(c).queue(c)
                    .targetWait(target).expectedServiceTime(Duration.ofMinutes(5)).build());
            queues.put(c, List.of(c));
            all.add(ProfileEntry.of(c, 0));
            int limit = i == 0 ? 4 : i == 1 ? 3 : i == 2 ? 2 : i == SERVICES - 1 ? 0 : 1;
            pattern.add(ProfileEntry.of(c, limit));
        }
        WorkProfile p = switch (profile) {
            case STRICT_ORDER -> profile(profile, CallRules.STRICT_ORDER, all, List.of());
            case LONGEST_WAIT -> profile(profile, CallRules.LONGEST_WAIT, all, List.of());
            case EARLIEST_BREACH -> profile(profile, CallRules.EARLIEST_BREACH, all, List.of());
            case WEIGHTED -> profile(profile, CallRules.WEIGHTED, pattern, List.of());
            case CONDITION -> profile(profile, CallRules.LONGEST_WAIT, all,
                    List.of(CallCondition.of(code(SERVICES - 1), conditionOver)));
            default -> throw new IllegalArgumentException("unknown profile " + profile);
        };
        Branch branch = Branch.builder().id(BRANCH).name("Benchmark").zone(ZONE).locales(List.of(Locale.ENGLISH, new Locale("ru"), new Locale("pl"))).build();
        BranchSetup setup = new BranchSetup(branch, services, queues,
                Map.of(COUNTER, new BranchSetup.CounterSetup(COUNTER, "Window 1", profile)), Map.of(profile, p),
                Map.of(PriorityClass.PRIORITY, Duration.ofMinutes(10), PriorityClass.VIP, Duration.ofMinutes(20)));
        AtomicLong ids = new AtomicLong();
        return new BranchState(setup, ids::incrementAndGet);
    }

    /** A kiosk's request for service {@code i}. */
    static IssueRequest request(int i, PriorityClass priority) {
        return IssueRequest.builder().branch(BRANCH).service(code(i)).priority(priority).channel(Channel.KIOSK).build();
    }

    /**
     * Issues {@code n} tickets with {@code requests} in turn, one per tick, draining the journal
     * after each as the engine's writer does after every command. Draining once at the end instead
     * would leave the journal's sets with tables of {@code n} slots for good (a hash table never
     * shrinks, and clearing one walks all its slots), and every later drain would pay for that.
     */
    static void fill(BranchState state, SyntheticClock clock, IssueRequest[] requests, int n) {
        for (int i = 0; i < n; i++) {
            state.issue(requests[i % requests.length], clock.tick());
            state.drain();
        }
    }

    private static WorkProfile profile(String id, String rule, List<ProfileEntry> entries, List<CallCondition> conditions) {
        return WorkProfile.builder().branch(BRANCH).id(id).rule(rule).entries(entries).conditions(conditions).build();
    }
}
