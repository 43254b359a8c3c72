package org.talon.queue.internal.engine;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.talon.queue.api.Branch;
import org.talon.queue.api.TransferTarget;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.CounterCommand;
import org.talon.queue.api.CounterAction;
import org.talon.queue.api.Channel;
import org.talon.queue.api.CallCondition;
import org.talon.queue.api.rule.CallRules;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.ProfileEntry;
import org.talon.queue.api.Service;
import org.talon.queue.api.WorkProfile;

/** Builds branch set-ups for tests. */
final class Fixtures {
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    final Map<String, Service> services = new LinkedHashMap<>();
    final Map<String, List<String>> queues = new LinkedHashMap<>();
    final Map<String, BranchSetup.CounterSetup> counters = new LinkedHashMap<>();
    final Map<String, WorkProfile> profiles = new LinkedHashMap<>();
    final Map<PriorityClass, Duration> headStarts = new LinkedHashMap<>();

    Fixtures service(String code, Duration target, Duration expected) {
        services.put(code, Service.builder().branch("demo").code(code).names(Map.of("en", "Service " + code)).prefix(code).queue(code)
                .targetWait(target).expectedServiceTime(expected).build());
        queues.put(code, List.of(code));
        return this;
    }

    Fixtures service(String code) {
        return service(code, Duration.ofMinutes(15), Duration.ofMinutes(5));
    }

    Fixtures counter(String id, String profile) {
        counters.put(id, new BranchSetup.CounterSetup(id, "Window " + id, profile));
        return this;
    }

    Fixtures profile(String id, String rule, String... entries) {
        List<ProfileEntry> es = new ArrayList<>();
        for (String e : entries) {
            String[] p = e.split(":");
            es.add(ProfileEntry.of(p[0], p.length > 1 ? Integer.parseInt(p[1]) : 0));
        }
        profiles.put(id, WorkProfile.builder().branch("demo").id(id).rule(rule).entries(es).build());
        return this;
    }

    Fixtures condition(String profile, String queue, Duration over) {
        WorkProfile p = profiles.get(profile);
        List<CallCondition> cs = new ArrayList<>(p.conditions());
        cs.add(CallCondition.of(queue, over));
        profiles.put(profile, p.toBuilder().conditions(cs).build());
        return this;
    }

    Fixtures headStart(PriorityClass c, Duration d) {
        headStarts.put(c, d);
        return this;
    }

    BranchSetup setup() {
        return new BranchSetup(Branch.builder().id("demo").name("Demo").zone(WARSAW).locales(List.of(Locale.ENGLISH, new Locale("ru"), new Locale("pl"))).build(),
                services, queues, counters, profiles, headStarts);
    }

    BranchState state() {
        AtomicLong ids = new AtomicLong();
        return new BranchState(setup(), ids::incrementAndGet);
    }

    /** An issue request as the positional record made it (branch, service, priority, channel, language, contact, key[, by]). */
    static IssueRequest request(String branch, String service, PriorityClass priority, Channel channel, String language,
            String contact, String key, String by) {
        return IssueRequest.builder().branch(branch).service(service).priority(priority).channel(channel).language(language)
                .contact(contact).idempotencyKey(key).issuedBy(by).build();
    }

    static IssueRequest request(String branch, String service, PriorityClass priority, Channel channel, String language,
            String contact, String key) {
        return request(branch, service, priority, channel, language, contact, key, null);
    }

    static CounterCommand command(String branch, String counter, CounterAction action, String actor, boolean supervisor,
            String operator, TransferTarget target) {
        return CounterCommand.builder().branch(branch).counter(counter).action(action).actor(actor).supervisor(supervisor)
                .operator(operator).target(target).build();
    }

    /** Three services A, B, C; counters 1-4 calling A, B, C in strict order. */
    static BranchState simple() {
        return new Fixtures().service("A").service("B").service("C")
                .profile("all", CallRules.STRICT_ORDER, "A", "B", "C")
                .counter("1", "all").counter("2", "all").counter("3", "all").counter("4", "all")
                .headStart(PriorityClass.PRIORITY, Duration.ofMinutes(10))
                .headStart(PriorityClass.VIP, Duration.ofMinutes(20))
                .state();
    }
}
