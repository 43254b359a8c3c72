package org.talon.queue.internal.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.queue.api.Service;

/**
 * A service of a branch, from {@code org.talon.queue.service-<name>.cfg}. Names per language are
 * given as {@code name.en=...}, {@code name.ru=...}.
 */
@Component(service = {SiteElement.class, ServiceDefinition.class}, configurationPid = ServiceDefinition.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ServiceDefinition.Config.class, factory = true)
public final class ServiceDefinition implements SiteElement {
    public static final String PID = "org.talon.queue.service";

    @ObjectClassDefinition(name = "Talon service", description = "What customers come for. Names per language as name.<language>=...")
    public @interface Config {
        @AttributeDefinition(description = "Branch id")
        String branch();

        @AttributeDefinition(description = "Service code, unique in the branch, e.g. A")
        String code();

        @AttributeDefinition(description = "Ticket number prefix; the code when empty")
        String prefix() default "";

        @AttributeDefinition(description = "Queue the tickets wait in; services sharing a queue id share one line. The code when empty")
        String queue() default "";

        @AttributeDefinition(description = "Target wait in minutes")
        int targetWaitMinutes() default 15;

        @AttributeDefinition(description = "Expected service time in minutes, used until live figures exist")
        int expectedServiceMinutes() default 5;
    }

    private final Service service;

    @Activate
    public ServiceDefinition(Config c, Map<String, Object> props) {
        String branch = Props.require(c.branch(), "branch", PID);
        String code = Props.require(c.code(), "code", PID).toUpperCase(Locale.ROOT);
        String prefix = c.prefix().isBlank() ? code : c.prefix().strip();
        String queue = c.queue().isBlank() ? code : c.queue().strip();
        Map<String, String> names = Props.withPrefix(props, "name.");
        if (names.isEmpty()) names = Map.of("en", code);
        this.service = Service.builder().branch(branch).code(code).names(names).prefix(prefix).queue(queue)
                .targetWait(Duration.ofMinutes(Math.max(0, c.targetWaitMinutes())))
                .expectedServiceTime(Duration.ofMinutes(Math.max(1, c.expectedServiceMinutes()))).build();
    }

    public Service toService() {
        return service;
    }

    @Override
    public String branch() {
        return service.branch();
    }
}
