package org.talon.workflow.internal.config;

import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.queue.api.calendar.WeeklyHours;
import org.talon.workflow.internal.engine.Staff;

/** A staff member who works on requests, from {@code org.talon.workflow.staff-<branch>-<id>.cfg}. */
@Component(service = SiteElement.class, configurationPid = StaffDefinition.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StaffDefinition.Config.class, factory = true)
public final class StaffDefinition implements SiteElement {
    public static final String PID = "org.talon.workflow.staff";

    @ObjectClassDefinition(name = "Talon request staff", description = "A staff member who works on requests: their skills, how many they hold at once, their hours")
    public @interface Config {
        @AttributeDefinition(description = "The branch's id, e.g. demo")
        String branch();

        @AttributeDefinition(description = "Their login, e.g. anna (the user they log in as)")
        String id();

        @AttributeDefinition(description = "Their name as colleagues read it, e.g. Anna Nowak")
        String name() default "";

        @AttributeDefinition(description = "Their skills, comma separated, e.g. passport,residence")
        String skills() default "";

        @AttributeDefinition(description = "The most requests the automatic assignment gives them at once")
        int maxOpen() default 20;

        @AttributeDefinition(description = "Their working hours, e.g. MON-FRI 09:00-17:00; empty: the branch's opening hours")
        String hours() default "";
    }

    private final Staff staff;

    @Activate
    public StaffDefinition(Config c) {
        String branch = Check.id(c.branch(), "branch", PID);
        String id = Check.id(c.id(), "id", PID);
        WeeklyHours hours;
        try {
            hours = WeeklyHours.parse(Check.list(c.hours()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + " " + id + ": " + e.getMessage(), e);
        }
        this.staff = new Staff(branch, id, c.name().isBlank() ? id : c.name().strip(), Set.copyOf(Check.list(c.skills())),
                Check.atLeast(c.maxOpen(), 1, "maxOpen", PID), hours);
    }

    @Override
    public String branch() {
        return staff.branch();
    }

    public Staff staff() {
        return staff;
    }
}
