package org.talon.booking.internal.config;

import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.booking.api.Resource;
import org.talon.queue.api.calendar.WeeklyHours;

/** A staff member or counter serving booked customers, from {@code org.talon.booking.resource-<branch>-<id>.cfg}. */
@Component(service = SiteElement.class, configurationPid = ResourceDefinition.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ResourceDefinition.Config.class, factory = true)
public final class ResourceDefinition implements SiteElement {
    public static final String PID = "org.talon.booking.resource";

    @ObjectClassDefinition(name = "Talon booking resource", description = "A staff member or a counter that serves booked customers, with its working hours")
    public @interface Config {
        @AttributeDefinition(description = "The branch's id, e.g. demo")
        String branch();

        @AttributeDefinition(description = "Its id, e.g. anna or counter-2")
        String id();

        @AttributeDefinition(description = "The name staff see, e.g. Anna Nowak or Window 2")
        String name() default "";

        @AttributeDefinition(description = "STAFF (a person) or COUNTER")
        String kind() default "STAFF";

        @AttributeDefinition(description = "The queue counter it works at, e.g. 2 (optional)")
        String counter() default "";

        @AttributeDefinition(description = "The codes of the services it serves, comma separated, e.g. A,B")
        String services();

        @AttributeDefinition(description = "Its working hours, e.g. MON-FRI 09:00-17:00, SAT 10:00-14:00; empty: the branch's opening hours")
        String hours() default "";
    }

    private final Resource resource;

    @Activate
    public ResourceDefinition(Config c) {
        String branch = Check.id(c.branch(), "branch", PID);
        String id = Check.id(c.id(), "id", PID);
        Resource.Kind kind;
        try {
            kind = Resource.Kind.valueOf(c.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + " " + id + ": 'kind' is STAFF or COUNTER, not " + c.kind(), e);
        }
        WeeklyHours hours;
        try {
            hours = WeeklyHours.parse(Check.list(c.hours()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + " " + id + ": " + e.getMessage(), e);
        }
        if (Check.list(c.services()).isEmpty()) throw new IllegalArgumentException(PID + " " + id + ": 'services' names no service");
        this.resource = new Resource(branch, id, c.name().isBlank() ? id : c.name().strip(), kind,
                c.counter().isBlank() ? null : c.counter().strip(), Check.list(c.services()), hours);
    }

    @Override
    public String branch() {
        return resource.branch();
    }

    public Resource resource() {
        return resource;
    }
}
