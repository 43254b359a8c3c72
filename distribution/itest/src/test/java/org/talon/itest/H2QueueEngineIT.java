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
}
