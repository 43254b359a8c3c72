package org.talon.queue.internal.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.queue.api.Branch;
import org.talon.queue.api.calendar.BranchCalendar;
import org.talon.queue.api.calendar.WeeklyHours;
import org.talon.queue.api.PriorityClass;

/** A branch, from a factory configuration {@code org.talon.queue.branch-<name>.cfg}. */
@Component(service = {SiteElement.class, BranchDefinition.class}, configurationPid = BranchDefinition.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BranchDefinition.Config.class, factory = true)
public final class BranchDefinition implements SiteElement {
    public static final String PID = "org.talon.queue.branch";

    @ObjectClassDefinition(name = "Talon branch", description = "A service hall: its id, name, time zone and languages.")
    public @interface Config {
        @AttributeDefinition(description = "Short id used in URLs and on the console, e.g. demo")
        String id();

        @AttributeDefinition(description = "Name shown to people; name.<language> (name.pl = Oddział Centrum) in a language of the branch")
        String name() default "";

        @AttributeDefinition(description = "Time zone; ticket numbers restart at midnight there, e.g. Europe/Warsaw")
        String timeZone() default "UTC";

        @AttributeDefinition(description = "Languages served, comma separated; the first is the default, e.g. en,ru,pl")
        String locales() default "en";

        @AttributeDefinition(description = "Whether the kiosks offer the priority choice; when false only staff issue PRIORITY tickets")
        boolean priorityAtKiosk() default true;

        @AttributeDefinition(description = "Head start in minutes of PRIORITY tickets over normal ones (aging: a normal ticket that waited longer goes first)")
        int priorityHeadStartMinutes() default 10;

        @AttributeDefinition(description = "Head start in minutes of APPOINTMENT tickets")
        int appointmentHeadStartMinutes() default 5;

        @AttributeDefinition(description = "Head start in minutes of VIP tickets")
        int vipHeadStartMinutes() default 20;

        @AttributeDefinition(description = "Opening hours, comma separated entries of days and times, e.g. MON-FRI 09:00-18:00, SAT 10:00-14:00 (bookings take their slots from them)")
        String hours() default "";

        @AttributeDefinition(description = "Breaks taken out of the opening hours, e.g. MON-FRI 13:00-13:30")
        String breaks() default "";

        @AttributeDefinition(description = "Holidays and one-off days, comma separated: a date alone is closed (2026-12-25), a date with times has those hours instead (2026-12-24 09:00-13:00), 'closed' closes it (2026-12-31 closed)")
        String days() default "";
    }

    private final Branch branch;
    private final Map<PriorityClass, Duration> headStarts = new EnumMap<>(PriorityClass.class);

    @Activate
    public BranchDefinition(Config c, Map<String, Object> props) {
        String id = Props.require(c.id(), "id", PID);
        ZoneId zone;
        try {
            zone = ZoneId.of(c.timeZone().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(PID + " " + id + ": unknown time zone '" + c.timeZone() + "'", e);
        }
        List<Locale> locales = Props.list(c.locales()).stream().map(Locale::forLanguageTag).toList();
        // name.pl = Oddział Centrum: the name per language; name is the one for any other language
        this.branch = Branch.builder().id(id).name(c.name().isBlank() ? id : c.name()).names(Props.withPrefix(props, "name.")).zone(zone)
                .locales(locales.isEmpty() ? List.of(Locale.ENGLISH) : locales).priorityAtKiosk(c.priorityAtKiosk())
                .calendar(calendar(id, zone, c)).build();
        headStarts.put(PriorityClass.PRIORITY, Duration.ofMinutes(Math.max(0, c.priorityHeadStartMinutes())));
        headStarts.put(PriorityClass.APPOINTMENT, Duration.ofMinutes(Math.max(0, c.appointmentHeadStartMinutes())));
        headStarts.put(PriorityClass.VIP, Duration.ofMinutes(Math.max(0, c.vipHeadStartMinutes())));
    }

    private static BranchCalendar calendar(String id, ZoneId zone, Config c) {
        try {
            BranchCalendar.Builder b = BranchCalendar.builder().zone(zone).hours(WeeklyHours.parse(Props.list(c.hours())))
                    .breaks(WeeklyHours.parse(Props.list(c.breaks())));
            for (String day : Props.list(c.days())) b.day(day);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + " " + id + ": " + e.getMessage(), e);
        }
    }

    public Branch toBranch() {
        return branch;
    }

    public Map<PriorityClass, Duration> headStarts() {
        return headStarts;
    }

    @Override
    public String branch() {
        return branch.id();
    }
}
