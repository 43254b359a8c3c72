package org.talon.booking.internal.config;

import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A queue service that can be booked, from {@code org.talon.booking.service-<branch>-<code>.cfg}. */
@Component(service = SiteElement.class, configurationPid = BookableServiceDefinition.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BookableServiceDefinition.Config.class, factory = true)
public final class BookableServiceDefinition implements SiteElement {
    public static final String PID = "org.talon.booking.service";

    @ObjectClassDefinition(name = "Talon bookable service", description = "A queue service customers can book, and how long one appointment lasts")
    public @interface Config {
        @AttributeDefinition(description = "The branch's id, e.g. demo")
        String branch();

        @AttributeDefinition(description = "The queue service's code, e.g. A")
        String service();

        @AttributeDefinition(description = "How many minutes one appointment lasts; slots follow each other at this step")
        int durationMinutes() default 15;

        @AttributeDefinition(description = "How many customers one slot takes when no staff member or counter (org.talon.booking.resource) serves the service; 0: only those scheduled")
        int seats() default 0;
    }

    private final String branch;
    private final String service;
    private final Duration duration;
    private final int seats;

    @Activate
    public BookableServiceDefinition(Config c) {
        this.branch = Check.id(c.branch(), "branch", PID);
        this.service = Check.id(c.service(), "service", PID);
        this.duration = Duration.ofMinutes(Check.atLeast(c.durationMinutes(), 1, "durationMinutes", PID));
        this.seats = Check.atLeast(c.seats(), 0, "seats", PID);
    }

    @Override
    public String branch() {
        return branch;
    }

    public String service() {
        return service;
    }

    public Duration duration() {
        return duration;
    }

    public int seats() {
        return seats;
    }
}
