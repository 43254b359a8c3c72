package org.talon.workflow.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.talon.workflow.api.Intake;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestState;

class DeskTest {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void theWorkListsNarrowOrdersAnswerWhatAScanOfEveryRequestWould() {
        Random rnd = new Random(15);
        Desk desk = new Desk("b1");
        Map<String, Request> truth = new HashMap<>();
        String[] staff = {null, "anna", "piotr", "marta"};
        RequestState[] states = RequestState.values();
        for (int step = 0; step < 6000; step++) {
            String id = String.format("WAR-2026-%06d", rnd.nextInt(1500));
            RequestState s = states[rnd.nextInt(states.length)];
            String who = s == RequestState.REGISTERED ? null : staff[rnd.nextInt(staff.length)];
            boolean stopped = s == RequestState.WAITING_FOR_CUSTOMER || s == RequestState.READY_FOR_PICKUP;
            Request r = Request.builder().id(id).branch("b1").type(rnd.nextBoolean() ? "A" : "B").state(s).priority(rnd.nextInt(3)).language("en")
                    .intake(Intake.WEB).createdAt(NOW).assignee(who).dueAt(stopped ? null : NOW.plus(Duration.ofMinutes(rnd.nextInt(5000) - 1000)))
                    .overdue(rnd.nextInt(4) == 0).updatedAt(NOW).version(step).build();
            desk.put(r);
            if (r.open()) truth.put(id, r);
            else truth.remove(id);
        }
        int checked = 0;
        for (String assignee : Arrays.asList(null, "", "anna", "nobody-such")) {
            for (Boolean overdue : Arrays.asList(null, true, false)) {
                for (String type : Arrays.asList(null, "A")) {
                    for (RequestState state : Arrays.asList(null, RequestState.IN_PROGRESS, RequestState.REGISTERED)) {
                        for (int offset : new int[] {0, 7, 400}) {
                            Predicate<Request> rest = type == null ? null : r -> r.type().equals(type);
                            List<Request> page = new ArrayList<>();
                            int total = desk.list(assignee, overdue, state, rest, offset, 25, page);
                            List<Request> all = truth.values().stream()
                                    .filter(r -> assignee == null || (assignee.isEmpty() ? r.assignee() == null : assignee.equals(r.assignee())))
                                    .filter(r -> overdue == null || overdue == r.overdue()).filter(r -> type == null || type.equals(r.type()))
                                    .filter(r -> state == null || state == r.state())
                                    .sorted(Desk.BY_DUE).toList();
                            String what = assignee + "/" + overdue + "/" + type + "/" + state + "/" + offset;
                            assertEquals(all.size(), total, what);
                            assertEquals(all.subList(Math.min(offset, all.size()), Math.min(offset + 25, all.size())), page, what);
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(216, checked);
        assertEquals(truth.size(), desk.size());
    }
}
