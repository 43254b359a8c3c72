package org.talon.itest;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The queue engine on the default embedded database. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class H2QueueEngineIT extends QueueEngineTests {
    @Configuration
    public Option[] config() {
        return TalonKaraf.config();
    }

    /**
     * H2 closes an embedded database itself when a write fails fatally (it did when direct memory
     * ran out, issue 9 defect 1). Talon must not answer 503 from then on until a restart: the pool
     * drops the dead connections and the next command opens the database again, and every ticket
     * acknowledged before is still there.
     */
    @org.junit.Test
    public void theEmbeddedDatabaseClosedUnderneathComesBackWithoutARestart() throws Exception {
        java.util.Set<String> before = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) before.add(queues.issue(org.talon.queue.api.IssueRequest.of(BRANCH, "A")).number());
        var ref = context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=talon)").iterator().next();
        javax.sql.DataSource ds = context.getService(ref);
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN IMMEDIATELY"); // what H2 does to itself after a fatal error
        } catch (java.sql.SQLException closedUnderUs) {
            // the connection that shut it down is gone with it
        }
        long deadline = System.currentTimeMillis() + 60_000;
        org.talon.queue.api.Ticket after = null;
        String last = "";
        while (after == null && System.currentTimeMillis() < deadline) {
            try {
                after = queues.issue(org.talon.queue.api.IssueRequest.of(BRANCH, "A"));
            } catch (org.talon.queue.api.QueueException e) {
                last = e.getMessage();
                Thread.sleep(500);
            }
        }
        org.junit.Assert.assertNotNull("no ticket within 60 s of the database closing; last refusal: " + last, after);
        java.util.Set<String> stored = new java.util.HashSet<>();
        for (org.talon.queue.api.Ticket t : queues.activeTickets(BRANCH)) stored.add(t.number());
        org.junit.Assert.assertTrue("acknowledged before the close: " + before + ", now " + stored, stored.containsAll(before));
    }
}
