package org.talon.queue.internal;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.talon.queue.internal.config.BranchDefinition;
import org.talon.queue.internal.config.CounterDefinition;
import org.talon.queue.internal.config.ProfileDefinition;
import org.talon.queue.internal.config.ServiceDefinition;

/** Makes configuration annotation instances from maps, as DS would. */
final class Configs {
    private Configs() {
    }

    @SuppressWarnings("unchecked")
    static <A> A of(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (values.containsKey(m.getName())) return values.get(m.getName());
            if (m.getDefaultValue() != null) return m.getDefaultValue();
            if (m.getName().equals("annotationType")) return type;
            throw new IllegalArgumentException("no value for " + m.getName());
        });
    }

    static BranchDefinition branch(String id) {
        Map<String, Object> props = Map.of("id", id, "timeZone", "Europe/Warsaw", "locales", "en,ru,pl");
        return new BranchDefinition(of(BranchDefinition.Config.class, props), props);
    }

    static ServiceDefinition service(String branch, String code) {
        return new ServiceDefinition(of(ServiceDefinition.Config.class, Map.of("branch", branch, "code", code)),
                Map.of("name.en", "Service " + code));
    }

    static CounterDefinition counter(String branch, String id, String profile) {
        Map<String, Object> props = Map.of("branch", branch, "id", id, "profile", profile);
        return new CounterDefinition(of(CounterDefinition.Config.class, props), props);
    }

    static ProfileDefinition profile(String branch, String id, String rule, String queues) {
        return new ProfileDefinition(of(ProfileDefinition.Config.class,
                Map.of("branch", branch, "id", id, "rule", rule, "queues", queues)));
    }
}
