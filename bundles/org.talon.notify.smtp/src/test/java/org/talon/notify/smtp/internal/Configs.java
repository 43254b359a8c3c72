package org.talon.notify.smtp.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration annotation's instance as DS would give it: the values given, else the defaults. */
final class Configs {
    private Configs() {
    }

    static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (values.containsKey(m.getName())) return values.get(m.getName());
            if (m.getDefaultValue() != null) return m.getDefaultValue();
            if (m.getName().equals("annotationType")) return type;
            if (m.getName().equals("toString")) return type.getSimpleName() + values;
            return null;
        }));
    }
}
