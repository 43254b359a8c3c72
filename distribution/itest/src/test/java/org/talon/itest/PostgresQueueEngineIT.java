package org.talon.itest;

import org.talon.bench.Postgres;

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
    private static Postgres pg;

    @Configuration
    public Option[] config() throws Exception {
        synchronized (PostgresQueueEngineIT.class) {
            if (pg == null) pg = Postgres.start();
        }
        return TalonKaraf.config(TalonKaraf.postgres(pg.url("talon")));
    }
}
