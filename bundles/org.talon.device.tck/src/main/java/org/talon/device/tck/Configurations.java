package org.talon.device.tck;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A driver's configuration annotation (its {@code @ObjectClassDefinition} type) made of a map, as
 * Declarative Services makes it: a property given is converted to the attribute's type, one not
 * given is the attribute's default.
 */
public final class Configurations {
    private Configurations() {
    }

    public static <A extends Annotation> A of(Class<A> type, Map<String, ?> properties) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> switch (method.getName()) {
            case "annotationType" -> type;
            case "toString" -> type.getSimpleName() + properties;
            case "hashCode" -> properties.hashCode();
            case "equals" -> self == args[0];
            default -> {
                String key = method.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
                Object v = properties.containsKey(key) ? properties.get(key) : properties.get(method.getName());
                yield v == null ? method.getDefaultValue() : convert(v, method.getReturnType());
            }
        });
        return type.cast(proxy);
    }

    static Object convert(Object v, Class<?> to) {
        if (to.isInstance(v)) return v;
        String s = v.toString().strip();
        if (to == String.class) return s;
        if (to == int.class || to == Integer.class) return Integer.parseInt(s);
        if (to == long.class || to == Long.class) return Long.parseLong(s);
        if (to == boolean.class || to == Boolean.class) return Boolean.parseBoolean(s);
        if (to == double.class || to == Double.class) return Double.parseDouble(s);
        if (to.isEnum()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object e = Enum.valueOf((Class) to, s);
            return e;
        }
        if (to.isArray()) {
            String[] parts = s.split("\\s*,\\s*");
            Object a = Array.newInstance(to.getComponentType(), parts.length);
            for (int i = 0; i < parts.length; i++) Array.set(a, i, convert(parts[i], to.getComponentType()));
            return a;
        }
        throw new IllegalArgumentException("cannot make a " + to.getSimpleName() + " of " + v);
    }
}
