package org.talon.itest;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The same engine tests on a real PostgreSQL server, started for this class: only the datasource .cfg differs. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresQueueEngineIT extends QueueEngineTests {
    @Configuration
    public Option[] config() throws Exception {
        return TalonKaraf.config(TalonKaraf.postgres(ExamPostgres.url()));
    }

    /**
     * Holds the server outside the test class: Pax Exam reflects on the test class's fields
     * inside Karaf, where the server's class (in talon-bench) does not exist.
     */
    static final class ExamPostgres {
        private static org.talon.bench.Postgres pg;

        static synchronized String url() throws Exception {
            if (pg == null) pg = org.talon.bench.Postgres.start();
            return pg.url("talon");
        }
    }
}
