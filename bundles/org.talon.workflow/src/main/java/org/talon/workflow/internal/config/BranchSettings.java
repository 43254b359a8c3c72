package org.talon.workflow.internal.config;

import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.workflow.internal.engine.Settings;

/** A branch's workflow settings, from {@code org.talon.workflow.branch-<branch>.cfg}; a branch without one has the defaults. */
@Component(service = SiteElement.class, configurationPid = BranchSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BranchSettings.Config.class, factory = true)
public final class BranchSettings implements SiteElement {
    public static final String PID = "org.talon.workflow.branch";

    @ObjectClassDefinition(name = "Talon requests of a branch", description = "How a branch numbers its requests, whether it assigns them by itself, and whom it tells of overdue ones")
    public @interface Config {
        @AttributeDefinition(description = "The branch's id, e.g. demo")
        String branch();

        @AttributeDefinition(description = "The first part of its requests' ids, 2 to 8 letters or digits, unique in the network, e.g. WAR gives WAR-2026-000123; empty: the branch's id in capitals")
        String idPrefix() default "";

        @AttributeDefinition(description = "Whether requests are given to staff by themselves, by skill, load and priority (false: managers assign, staff take)")
        boolean autoAssign() default true;

        @AttributeDefinition(description = "The e-mail address told of every overdue request (the branch's managers), or empty")
        String managerEmail() default "";
    }

    private final String branch;
    private final Settings settings;

    @Activate
    public BranchSettings(Config c) {
        this.branch = Check.id(c.branch(), "branch", PID);
        String prefix = c.idPrefix().isBlank() ? defaultPrefix(branch) : c.idPrefix().strip().toUpperCase(Locale.ROOT);
        if (!prefix.matches("[A-Z0-9]{2,8}")) throw new IllegalArgumentException(PID + " " + branch + ": 'idPrefix' is 2 to 8 letters or digits, not " + prefix);
        String email = null;
        if (!c.managerEmail().isBlank()) {
            ContactAddress a = ContactAddress.parse(c.managerEmail());
            if (a.kind() != ContactAddress.Kind.EMAIL) throw new IllegalArgumentException(PID + " " + branch + ": 'managerEmail' is not an e-mail address");
            email = a.value();
        }
        this.settings = new Settings(prefix, c.autoAssign(), email);
    }

    /** The prefix of a branch without settings: its id's letters and digits in capitals, at most 8 (at least 2: padded with X). */
    public static String defaultPrefix(String branch) {
        String p = branch.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (p.length() > 8) p = p.substring(0, 8);
        while (p.length() < 2) p = p + "X";
        return p;
    }

    @Override
    public String branch() {
        return branch;
    }

    public Settings settings() {
        return settings;
    }
}
