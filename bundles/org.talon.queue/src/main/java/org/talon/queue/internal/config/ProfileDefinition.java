package org.talon.queue.internal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.queue.api.CallCondition;
import org.talon.queue.api.ProfileEntry;
import org.talon.queue.api.WorkProfile;

/** A work profile, from {@code org.talon.queue.profile-<name>.cfg}. */
@Component(service = {SiteElement.class, ProfileDefinition.class}, configurationPid = ProfileDefinition.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProfileDefinition.Config.class, factory = true)
public final class ProfileDefinition implements SiteElement {
    public static final String PID = "org.talon.queue.profile";

    @ObjectClassDefinition(name = "Talon work profile", description = "Which queues a counter calls, in what order, by which rule.")
    public @interface Config {
        @AttributeDefinition(description = "Branch id")
        String branch();

        @AttributeDefinition(description = "Profile id")
        String id();

        @AttributeDefinition(description = "STRICT_ORDER, LONGEST_WAIT, EARLIEST_BREACH or WEIGHTED")
        String rule() default "STRICT_ORDER";

        @AttributeDefinition(description = "Queues in order, comma separated; for WEIGHTED each limited entry as queue:limit, e.g. P:2,G:1,S")
        String queues();

        @AttributeDefinition(description = "Conditions checked before the rule, comma separated, as queue>minutes: e.g. C>30 calls from C once its first customer waited over 30 minutes")
        String conditions() default "";
    }

    private final WorkProfile profile;

    @Activate
    public ProfileDefinition(Config c) {
        String branch = Props.require(c.branch(), "branch", PID);
        String id = Props.require(c.id(), "id", PID);
        String rule = ruleName(c.rule());
        if (rule == null) {
            throw new IllegalArgumentException(PID + " " + id + ": the rule '" + c.rule() + "' is not a rule's name (letters, digits and _)");
        }
        this.profile = WorkProfile.builder().branch(branch).id(id).rule(rule).entries(parseEntries(c.queues(), id))
                .conditions(parseConditions(c.conditions(), id)).build();
    }

    /**
     * A rule's name as profiles give it: letters, digits and {@code _}, in capitals (blank is
     * {@code STRICT_ORDER}); null when it cannot be one. Whether such a rule is installed is the
     * engine's to say when a counter calls.
     */
    public static String ruleName(String given) {
        String r = given == null || given.isBlank() ? org.talon.queue.api.rule.CallRules.STRICT_ORDER : given.strip().toUpperCase(Locale.ROOT);
        return r.matches("[A-Z][A-Z0-9_]{0,31}") ? r : null;
    }

    public static List<ProfileEntry> parseEntries(String spec, String id) {
        List<ProfileEntry> out = new ArrayList<>();
        for (String e : Props.list(spec)) {
            String[] p = e.split(":");
            try {
                out.add(ProfileEntry.of(p[0].strip(), p.length > 1 ? Integer.parseInt(p[1].strip()) : 0));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(PID + " " + id + ": bad queue entry '" + e + "', expected queue or queue:limit", ex);
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException(PID + " " + id + ": 'queues' is required");
        return out;
    }

    public static List<CallCondition> parseConditions(String spec, String id) {
        List<CallCondition> out = new ArrayList<>();
        for (String c : Props.list(spec)) {
            String[] p = c.split(">");
            try {
                out.add(CallCondition.of(p[0].strip(), Duration.ofMinutes(Long.parseLong(p[1].strip()))));
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException(PID + " " + id + ": bad condition '" + c + "', expected queue>minutes", ex);
            }
        }
        return out;
    }

    public WorkProfile toProfile() {
        return profile;
    }

    @Override
    public String branch() {
        return profile.branch();
    }
}
