package org.talon.workflow.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.queue.api.Channel;
import org.talon.queue.api.calendar.BranchCalendar;
import org.talon.queue.api.calendar.WeeklyHours;
import org.talon.workflow.api.Action;
import org.talon.workflow.api.Actor;
import org.talon.workflow.api.Intake;
import org.talon.workflow.api.NewRequest;
import org.talon.workflow.api.PickupTicket;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestField;
import org.talon.workflow.api.RequestQuery;
import org.talon.workflow.api.RequestState;
import org.talon.workflow.api.RequestType;
import org.talon.workflow.api.WorkflowEvents;
import org.talon.workflow.api.WorkflowException;
import org.talon.workflow.api.WorkflowException.Reason;

class RequestsTest {
    /** Monday 2026-12-07, 10:00 in Warsaw. */
    static final Instant MONDAY = at(2026, 12, 7, 10, 0);
    static final Actor BOSS = Actor.manager("boss");
    private Fixture f;

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    static Instant at(int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, Fixture.WARSAW).toInstant();
    }

    private Fixture office(List<Staff> staff, boolean auto) {
        f = new Fixture(MONDAY, Fixture.officeHours("2026-12-14"), List.of(Fixture.type("G", 8, false, "g"), Fixture.type("P", 8, true, "g")), staff);
        if (!auto) manual();
        return f;
    }

    private void manual() {
        Setup s = f.setup;
        f.setup = new Setup(s.branch(), new Settings("WAR", false, null), s.types(), s.staff());
    }

    static Reason reason(Runnable r) {
        return assertThrows(WorkflowException.class, r::run).reason();
    }

    /** A request of a type brought to a state along the legal path (held by piotr). */
    private Request inState(String type, RequestState s) {
        Request r = f.requests.register(f.request(type));
        if (s == RequestState.REGISTERED) return r;
        String id = r.id();
        r = f.requests.act(id, Action.ASSIGN, BOSS, "piotr", null);
        switch (s) {
            case ASSIGNED -> {
                return r;
            }
            case REJECTED -> {
                return f.requests.act(id, Action.REJECT, BOSS, null, "not eligible");
            }
            case CANCELLED -> {
                return f.requests.act(id, Action.CANCEL, BOSS, null, null);
            }
            default -> {
            }
        }
        r = f.requests.act(id, Action.START, BOSS, null, null);
        if (s == RequestState.IN_PROGRESS) return r;
        if (s == RequestState.WAITING_FOR_CUSTOMER) return f.requests.act(id, Action.WAIT, BOSS, null, "bring a photo");
        if (type.equals("P")) {
            r = f.requests.act(id, Action.READY, BOSS, null, null);
            if (s == RequestState.READY_FOR_PICKUP) return r;
            return f.requests.act(id, Action.COLLECT, BOSS, null, null);
        }
        return f.requests.act(id, Action.COMPLETE, BOSS, null, "granted");
    }

    @Test
    void everyActionIsAllowedOnlyFromItsStatesAndARefusalChangesNothing() {
        office(List.of(Fixture.staff("anna", "g"), Fixture.staff("piotr", "g")), false);
        int allowed = 0;
        int refused = 0;
        for (String type : List.of("G", "P")) {
            for (RequestState s : RequestState.values()) {
                if (type.equals("G") && s == RequestState.READY_FOR_PICKUP) continue;
                for (Action a : Action.values()) {
                    Request r = inState(type, s);
                    assertEquals(s, r.state(), type + " brought to " + s);
                    boolean pickup = type.equals("P");
                    boolean legal = a.allowedFrom(s) && !(a == Action.READY && !pickup) && !(a == Action.COMPLETE && pickup);
                    Actor by = a == Action.TAKE ? Actor.staff("anna") : BOSS;
                    if (legal) {
                        Request after = f.requests.act(r.id(), a, by, "anna", "because");
                        RequestState expected = a == Action.ASSIGN && s == RequestState.WAITING_FOR_CUSTOMER ? s : a.to();
                        assertEquals(expected, after.state(), a + " from " + s + " (" + type + ")");
                        allowed++;
                    } else {
                        WorkflowException e = assertThrows(WorkflowException.class, () -> f.requests.act(r.id(), a, by, "anna", "because"),
                                a + " from " + s + " (" + type + ") must be refused");
                        assertEquals(Reason.ILLEGAL_STATE, e.reason(), a + " from " + s + ": " + e.getMessage());
                        assertTrue(e.getMessage().length() > 10, "the refusal says why: " + e.getMessage());
                        assertEquals(r, f.requests.request(r.id()).orElseThrow(), "a refusal changes nothing");
                        refused++;
                    }
                }
            }
        }
        assertEquals(36, allowed, "17 moves of a type without pickup, 19 of one with");
        assertEquals(114, refused);
    }

    @Test
    void onlyTheHolderOrAManagerActsAndOnlyWithTheSkills() {
        office(List.of(Fixture.staff("anna", "g"), Fixture.staff("piotr", "g"), Fixture.staff("olga", "x")), false);
        Request r = f.requests.register(f.request("G"));
        assertEquals(Reason.NOT_ALLOWED, reason(() -> f.requests.act(r.id(), Action.ASSIGN, Actor.staff("anna"), "anna", null)), "staff do not assign");
        assertEquals(Reason.NOT_ALLOWED, reason(() -> f.requests.act(r.id(), Action.TAKE, Actor.staff("olga"), null, null)), "olga lacks skill g");
        assertEquals(Reason.NOT_ALLOWED, reason(() -> f.requests.act(r.id(), Action.ASSIGN, BOSS, "olga", null)));
        assertEquals(Reason.NOT_FOUND, reason(() -> f.requests.act(r.id(), Action.ASSIGN, BOSS, "nobody", null)));
        f.requests.act(r.id(), Action.TAKE, Actor.staff("anna"), null, null);
        assertEquals(Reason.NOT_ALLOWED, reason(() -> f.requests.act(r.id(), Action.START, Actor.staff("piotr"), null, null)), "not piotr's");
        assertEquals(RequestState.IN_PROGRESS, f.requests.act(r.id(), Action.START, Actor.staff("anna"), null, null).state());
        assertEquals(Reason.INVALID, reason(() -> f.requests.act(r.id(), Action.REJECT, Actor.staff("anna"), null, " ")), "a rejection needs a reason");
    }

    @Test
    void theSlaIsCountedInOpeningHoursOverAWeekendAndAHoliday() {
        office(List.of(), true);
        f.clock.now = at(2026, 12, 11, 15, 0); // Friday 15:00; Monday 14th is a holiday
        Request r = f.requests.register(f.request("G"));
        assertEquals(at(2026, 12, 15, 15, 0), r.dueAt(), "2 hours on Friday, none on the weekend or the holiday, 6 on Tuesday");
        assertEquals(at(2026, 12, 15, 11, 0), r.warnAt(), "half of the 8 hours: 2 on Friday, 2 on Tuesday");
        f.clock.now = at(2026, 12, 14, 12, 0);
        assertEquals(Duration.ofHours(6), f.requests.timeLeft(r), "on the holiday nothing of it passed since Friday's close");
    }

    @Test
    void theSlaCountsTheHoursThatReallyPassWhenTheClocksChange() {
        BranchCalendar night = BranchCalendar.builder().zone(Fixture.WARSAW).hours(WeeklyHours.parse(List.of("MON-SUN 01:00-04:00"))).build();
        f = new Fixture(at(2027, 3, 27, 1, 0), night, List.of(Fixture.type("G", 4, false), Fixture.type("H", 3, false)), List.of());
        Request spring = f.requests.register(f.request("G"));
        assertEquals("2027-03-28T03:00+02:00[Europe/Warsaw]", spring.dueAt().atZone(Fixture.WARSAW).toString(),
                "3 hours on Saturday; on Sunday 01:00-04:00 lasts 2 hours and the last one ends at 03:00 summer time");
        f.clock.now = at(2026, 10, 25, 1, 0);
        Request autumn = f.requests.register(f.request("H"));
        assertEquals("2026-10-25T03:00+01:00[Europe/Warsaw]", autumn.dueAt().atZone(Fixture.WARSAW).toString(),
                "01:00-04:00 lasts 4 hours that night: 3 of them end at 03:00 winter time");
    }

    @Test
    void theClockStandsStillWhileTheRequestWaitsForTheCustomer() {
        office(List.of(Fixture.staff("anna", "g")), true);
        Request r = f.requests.register(f.request("G"));
        assertEquals("anna", r.assignee(), "assigned at once to the one on duty");
        assertEquals(at(2026, 12, 8, 10, 0), r.dueAt(), "7 hours on Monday, 1 on Tuesday");
        f.requests.act(r.id(), Action.START, Actor.staff("anna"), null, null);
        f.clock.now = at(2026, 12, 7, 12, 0);
        Request waiting = f.requests.act(r.id(), Action.WAIT, Actor.staff("anna"), null, "bring the old passport");
        assertNull(waiting.dueAt());
        assertEquals(Duration.ofHours(6), waiting.slaLeft());
        f.clock.now = at(2026, 12, 10, 9, 0); // Thursday
        Request resumed = f.requests.act(r.id(), Action.RESUME, Actor.staff("anna"), null, null);
        assertEquals(at(2026, 12, 10, 15, 0), resumed.dueAt(), "the 6 hours left go on from Thursday 09:00");
        assertNull(resumed.slaLeft());
        assertEquals(at(2026, 12, 10, 11, 0), resumed.warnAt(), "the warning at half of 8 hours: 2 of the 6 left");
    }

    @Test
    void atRiskThenOverdueIsMarkedOnceAndTheManagersAreTold() {
        office(List.of(), true);
        Request r = f.requests.register(f.request("G"));
        assertEquals(0, f.requests.sweep());
        f.clock.now = at(2026, 12, 7, 14, 30); // past half of the 8 hours
        assertEquals(0, f.requests.sweep());
        assertTrue(f.requests.request(r.id()).orElseThrow().warned());
        assertFalse(f.requests.request(r.id()).orElseThrow().overdue());
        f.clock.now = at(2026, 12, 8, 10, 1);
        assertEquals(1, f.requests.sweep());
        assertEquals(0, f.requests.sweep(), "told once");
        Request over = f.requests.request(r.id()).orElseThrow();
        assertTrue(over.overdue());
        assertTrue(f.requests.timeLeft(over).isNegative());
        assertEquals(List.of(r.id()), f.requests.list(new RequestQuery("b1", Set.of(), null, null, true, 0, 10)).items().stream().map(Request::id).toList());
        assertTrue(f.told.contains("overdue " + r.id()), f.told.toString());
        List<String> types = f.log.types();
        assertEquals(1, types.stream().filter(WorkflowEvents.AT_RISK::equals).count());
        assertEquals(1, types.stream().filter(WorkflowEvents.OVERDUE::equals).count());
    }

    @Test
    void aRequestNobodyOnDutyCanTakeWaitsAndGoesToWhoeverComesOnDuty() {
        Staff late = new Staff("b1", "late", "Late", Set.of("g"), 10, WeeklyHours.parse(List.of("MON-FRI 12:00-16:00")));
        office(List.of(late), true);
        Request r = f.requests.register(f.request("G"));
        assertEquals(RequestState.REGISTERED, r.state(), "nobody with skill g is on duty at 10:00");
        assertFalse(f.requests.staff("b1").get(0).onDuty());
        f.clock.now = at(2026, 12, 7, 12, 30);
        f.requests.sweep();
        Request assigned = f.requests.request(r.id()).orElseThrow();
        assertEquals(RequestState.ASSIGNED, assigned.state());
        assertEquals("late", assigned.assignee());
        assertEquals("talon", f.histories.get(r.id()).get(1).by(), "the automatic assignment is Talon's");
    }

    @Test
    void twoHundredRequestsOverFiveStaffGoOnlyToWhoHasTheSkillWithLoadsWithinOne() {
        List<Staff> staff = List.of(Fixture.staff("s1", "a"), Fixture.staff("s2", "a", "b"), Fixture.staff("s3", "a", "b"), Fixture.staff("s4", "b"),
                Fixture.staff("s5", "a", "b"));
        f = new Fixture(MONDAY, BranchCalendar.builder().zone(Fixture.WARSAW).build(),
                List.of(Fixture.type("A", 8, false, "a"), Fixture.type("B", 8, false, "b")), staff);
        Map<String, Set<String>> skills = staff.stream().collect(Collectors.toMap(Staff::id, Staff::skills));
        List<Request> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) all.add(f.requests.register(f.request(i % 3 == 0 ? "B" : "A")));
        Map<String, Integer> load = new HashMap<>();
        for (Request r : all) {
            Request now = f.requests.request(r.id()).orElseThrow();
            assertEquals(RequestState.ASSIGNED, now.state());
            String skill = now.type().equals("A") ? "a" : "b";
            assertTrue(skills.get(now.assignee()).contains(skill), now.assignee() + " got a request of type " + now.type() + " without skill " + skill);
            load.merge(now.assignee(), 1, Integer::sum);
        }
        int max = load.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = staff.stream().mapToInt(s -> load.getOrDefault(s.id(), 0)).min().orElseThrow();
        assertTrue(max - min <= 1, "loads " + load);
        assertEquals(200, load.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void manyStaffTakingOneRequestAtOnceGiveItToExactlyOne() throws Exception {
        List<Staff> staff = new ArrayList<>();
        for (int i = 0; i < 20; i++) staff.add(Fixture.staff("s" + i, "g"));
        office(staff, false);
        Request r = f.requests.register(f.request("G"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> tries = new ArrayList<>();
        for (Staff s : staff) {
            tries.add(pool.submit(() -> {
                go.await();
                try {
                    return f.requests.act(r.id(), Action.TAKE, Actor.staff(s.id()), null, null).assignee();
                } catch (WorkflowException e) {
                    assertEquals(Reason.ILLEGAL_STATE, e.reason());
                    return null;
                }
            }));
        }
        go.countDown();
        List<String> winners = new ArrayList<>();
        for (Future<String> t : tries) {
            String w = t.get();
            if (w != null) winners.add(w);
        }
        pool.shutdown();
        assertEquals(1, winners.size(), winners.toString());
        assertEquals(winners.get(0), f.requests.request(r.id()).orElseThrow().assignee());
    }

    @Test
    void staffTakingTheNextRequestAtOnceNeverGetTheSameOne() throws Exception {
        List<Staff> staff = List.of(Fixture.staff("s1", "g"), Fixture.staff("s2", "g"), Fixture.staff("s3", "g"), Fixture.staff("s4", "g"),
                Fixture.staff("s5", "g"));
        office(staff, false);
        for (int i = 0; i < 200; i++) f.requests.register(f.request("G"));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<List<String>>> takers = new ArrayList<>();
        for (Staff s : staff) {
            takers.add(pool.submit(() -> {
                List<String> got = new ArrayList<>();
                for (int i = 0; i < 50; i++) f.requests.takeNext("b1", Actor.staff(s.id())).ifPresent(r -> got.add(r.id()));
                return got;
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> t : takers) all.addAll(t.get());
        pool.shutdown();
        assertEquals(200, all.size(), "every request taken");
        assertEquals(200, new HashSet<>(all).size(), "none twice");
        assertTrue(f.requests.takeNext("b1", Actor.staff("s1")).isEmpty());
    }

    @Test
    void aFormWithBadValuesNamesEachWrongField() {
        RequestType t = new RequestType("b1", "F", Map.of("en", "Form"), List.of(
                new RequestField("surname", RequestField.Kind.TEXT, true, Map.of("en", "Surname"), List.of(), 10, null, null, null),
                new RequestField("children", RequestField.Kind.NUMBER, false, Map.of(), List.of(), 0, 0L, 20L, null),
                new RequestField("born", RequestField.Kind.DATE, true, Map.of(), List.of(), 0, null, null, null),
                new RequestField("reason", RequestField.Kind.CHOICE, true, Map.of(), List.of("lost", "expired"), 0, null, null, null),
                new RequestField("passport", RequestField.Kind.TEXT, false, Map.of(), List.of(), 20, null, null, "[A-Z]{2}[0-9]{7}")),
                Duration.ofHours(8), 0.8, Set.of(), 0, false, null, false);
        f = new Fixture(MONDAY, Fixture.officeHours(), List.of(t), List.of());
        NewRequest bad = new NewRequest("b1", "F", Map.of("surname", "Longer than ten", "children", "many", "born", "2026-13-01", "reason", "stolen",
                "passport", "12345", "colour", "blue"), "", "12", "not-mail", "pl", Intake.WEB, null, 0);
        WorkflowException e = assertThrows(WorkflowException.class, () -> f.requests.register(bad));
        assertEquals(Reason.INVALID, e.reason());
        assertEquals(Set.of("surname", "children", "born", "reason", "passport", "colour", "contact.name", "contact.phone", "contact.email"),
                e.fields().stream().map(WorkflowException.FieldError::field).collect(Collectors.toSet()), e.getMessage());
        assertTrue(e.fields().stream().allMatch(x -> !x.message().isBlank()));
        WorkflowException missing = assertThrows(WorkflowException.class,
                () -> f.requests.register(new NewRequest("b1", "F", Map.of("children", "3"), "Anna", null, "anna@example.com", null, Intake.WEB, null, 0)));
        assertEquals(Set.of("surname", "born", "reason"), missing.fields().stream().map(WorkflowException.FieldError::field).collect(Collectors.toSet()));
        assertTrue(f.log.types().isEmpty(), "nothing was written");
        Request ok = f.requests.register(new NewRequest("b1", "F", Map.of("surname", " Nowak ", "children", "03", "born", "1990-01-31", "reason", "lost"),
                "Anna", null, "Anna@Example.com", null, Intake.WEB, null, 0));
        assertEquals(Map.of("surname", "Nowak", "children", "3", "born", "1990-01-31", "reason", "lost"), ok.fields());
        assertEquals("anna@example.com", ok.email());
    }

    @Test
    void idsAreReadableUniqueAndContinueAfterAFailedCommitARestartAndANewYear() {
        office(List.of(), true);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) ids.add(f.requests.register(f.request("G")).id());
        assertEquals(Set.of("WAR-2026-000001", "WAR-2026-000002", "WAR-2026-000003"), ids);
        f.log.failNextCommit = true;
        assertEquals(Reason.UNAVAILABLE, reason(() -> f.requests.register(f.request("G"))));
        String fourth = f.requests.register(f.request("G")).id();
        assertEquals("WAR-2026-000004", fourth, "the failed one was never acknowledged: its number is given to the next");
        Requests again = f.restarted();
        assertEquals("WAR-2026-000005", again.register(f.request("G")).id(), "after a restart the numbers go on");
        assertEquals(5, again.list(RequestQuery.open("b1")).total(), "the open requests are read back");
        f.clock.now = at(2027, 1, 4, 10, 0);
        assertEquals("WAR-2027-000001", again.register(f.request("G")).id());
        assertTrue(again.request("war-2026-000002").isPresent(), "an id is found in any case");
    }

    @Test
    void aReadyRequestIsCollectedThroughAPickupTicketThatIsIssuedOnce() {
        office(List.of(Fixture.staff("anna", "g")), true);
        Request r = f.requests.register(f.request("P"));
        assertEquals(Reason.ILLEGAL_STATE, reason(() -> f.requests.pickup(r.id(), Channel.KIOSK, "kiosk1")), "not ready yet");
        f.requests.act(r.id(), Action.START, Actor.staff("anna"), null, null);
        Request ready = f.requests.act(r.id(), Action.READY, Actor.staff("anna"), null, "Passport AB1234567");
        assertNull(ready.dueAt(), "the clock stops when it is ready");
        assertTrue(f.told.contains("READY_FOR_PICKUP " + r.id()), "the customer is told: your documents are ready");
        PickupTicket p = f.requests.pickup(r.id(), Channel.KIOSK, "kiosk1");
        assertEquals("C", p.ticket().service());
        assertEquals(p.ticket().id(), f.requests.pickup(r.id(), Channel.KIOSK, "kiosk1").ticket().id(), "pressed twice: the same ticket");
        assertEquals(1, f.tickets.size());
        assertEquals(r.id(), f.requests.requestForTicket("b1", p.ticket().id()).orElseThrow().id());
        Request done = f.requests.act(r.id(), Action.COLLECT, Actor.staff("piotr"), null, null);
        assertEquals(RequestState.DONE, done.state());
        assertNotNull(done.closedAt());
        assertEquals(Reason.ILLEGAL_STATE, reason(() -> f.requests.pickup(r.id(), Channel.KIOSK, "kiosk1")), "collected already");
        assertTrue(f.requests.requestForTicket("b1", p.ticket().id()).isEmpty());
        assertEquals(List.of(WorkflowEvents.REGISTERED, WorkflowEvents.ASSIGNED, WorkflowEvents.STATE_CHANGED, WorkflowEvents.STATE_CHANGED,
                WorkflowEvents.PICKUP_ISSUED, WorkflowEvents.STATE_CHANGED),
                f.histories.get(r.id()).stream().map(h -> h.what()).toList(), "every change is in the history");
    }
}
