package org.talon.queue.internal.config;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.queue.internal.engine.BranchSetup;

/** A counter, from {@code org.talon.queue.counter-<name>.cfg}. */
@Component(service = {SiteElement.class, CounterDefinition.class}, configurationPid = CounterDefinition.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CounterDefinition.Config.class, factory = true)
public final class CounterDefinition implements SiteElement {
    public static final String PID = "org.talon.queue.counter";

    @ObjectClassDefinition(name = "Talon counter", description = "A place where customers are served.")
    public @interface Config {
        @AttributeDefinition(description = "Branch id")
        String branch();

        @AttributeDefinition(description = "Counter id, e.g. 3")
        String id();

        @AttributeDefinition(description = "Name the customer sees, e.g. Window 3; name.<language> (name.pl = Stanowisko 3) in a language of the branch")
        String name() default "";

        @AttributeDefinition(description = "Work profile id")
        String profile();
    }

    private final String branch;
    private final BranchSetup.CounterSetup counter;

    @Activate
    public CounterDefinition(Config c, Map<String, Object> props) {
        this.branch = Props.require(c.branch(), "branch", PID);
        String id = Props.require(c.id(), "id", PID);
        // name.pl = Stanowisko 3: the name per language; name is the one for any other language
        this.counter = new BranchSetup.CounterSetup(id, c.name().isBlank() ? id : c.name().strip(), Props.withPrefix(props, "name."),
                Props.require(c.profile(), "profile", PID));
    }

    public BranchSetup.CounterSetup toCounter() {
        return counter;
    }

    @Override
    public String branch() {
        return branch;
    }
}
