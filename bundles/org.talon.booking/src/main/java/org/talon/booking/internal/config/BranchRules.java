package org.talon.booking.internal.config;

import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.booking.internal.engine.Settings;

/** A branch's booking rules, from {@code org.talon.booking.branch-<branch>.cfg}; a branch without one has the defaults. */
@Component(service = SiteElement.class, configurationPid = BranchRules.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BranchRules.Config.class, factory = true)
public final class BranchRules implements SiteElement {
    public static final String PID = "org.talon.booking.branch";

    @ObjectClassDefinition(name = "Talon booking rules of a branch",
            description = "The booking window, the limit per customer and the arrival window of a branch's bookings")
    public @interface Config {
        @AttributeDefinition(description = "The branch's id, e.g. demo")
        String branch();

        @AttributeDefinition(description = "How many minutes after the moment of booking a slot may start at the soonest")
        int minAheadMinutes() default 60;

        @AttributeDefinition(description = "How many days ahead a slot may be booked")
        int maxAheadDays() default 60;

        @AttributeDefinition(description = "How many bookings still to come one phone number or e-mail address may hold in the branch")
        int maxActivePerContact() default 3;

        @AttributeDefinition(description = "How many minutes before the booked time a customer may check in")
        int arrivalBeforeMinutes() default 15;

        @AttributeDefinition(description = "How many minutes after the booked time a customer may still check in; a booking not checked in by then is cancelled as a no-show")
        int arrivalAfterMinutes() default 10;

        @AttributeDefinition(description = "How many hours before the booked time the reminder is sent (0: none)")
        int reminderHours() default 24;
    }

    /** The rules of a branch without a file of its own: the defaults above. */
    public static final Settings DEFAULT = settings((Config) java.lang.reflect.Proxy.newProxyInstance(Config.class.getClassLoader(),
            new Class<?>[] {Config.class}, (p, m, a) -> m.getDefaultValue()));

    private final String branch;
    private final Settings settings;

    @Activate
    public BranchRules(Config c) {
        this.branch = Check.id(c.branch(), "branch", PID);
        this.settings = settings(c);
    }

    private static Settings settings(Config c) {
        return new Settings(Duration.ofMinutes(Check.atLeast(c.minAheadMinutes(), 0, "minAheadMinutes", PID)),
                Check.atLeast(c.maxAheadDays(), 0, "maxAheadDays", PID), Check.atLeast(c.maxActivePerContact(), 1, "maxActivePerContact", PID),
                Duration.ofMinutes(Check.atLeast(c.arrivalBeforeMinutes(), 0, "arrivalBeforeMinutes", PID)),
                Duration.ofMinutes(Check.atLeast(c.arrivalAfterMinutes(), 0, "arrivalAfterMinutes", PID)),
                Duration.ofHours(Check.atLeast(c.reminderHours(), 0, "reminderHours", PID)));
    }

    @Override
    public String branch() {
        return branch;
    }

    public Settings settings() {
        return settings;
    }
}
