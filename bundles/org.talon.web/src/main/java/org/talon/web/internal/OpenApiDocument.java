package org.talon.web.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.talon.web.api.MaxLength;
import org.talon.web.api.Role;
import org.talon.web.api.RouteSpec;

/** The OpenAPI 3.0 document of the routes registered now, made from their descriptions. */
final class OpenApiDocument {
    private OpenApiDocument() {
    }

    static Map<String, Object> of(Collection<RouteSpec> specs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Talon API", "version", "1",
                "description", "Queue management: tickets, counters, live events. Errors are application/problem+json."));
        doc.put("servers", List.of(Map.of("url", "/api/v1")));
        Map<String, Object> schemas = new TreeMap<>();
        schemas.put("Problem", Map.of("type", "object", "properties", Map.of(
                "type", Map.of("type", "string"), "title", Map.of("type", "string"), "status", Map.of("type", "integer"),
                "detail", Map.of("type", "string"), "instance", Map.of("type", "string"))));
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (RouteSpec s : specs) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("summary", s.summary());
            op.put("operationId", operationId(s));
            List<Object> params = new ArrayList<>();
            for (String segment : s.path().split("/")) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    params.add(Map.of("name", segment.substring(1, segment.length() - 1), "in", "path", "required", true,
                            "schema", Map.of("type", "string")));
                }
            }
            if (!params.isEmpty()) op.put("parameters", params);
            if (s.roles().contains(Role.PUBLIC)) {
                op.put("security", List.of());
            } else {
                op.put("x-talon-roles", s.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList());
            }
            if (s.requestType() != null) {
                op.put("requestBody", Map.of("required", true, "content",
                        Map.of("application/json", Map.of("schema", ref(s.requestType(), schemas)))));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            Map<String, Object> ok = new LinkedHashMap<>();
            ok.put("description", "Success");
            if (s.responseType() != null) {
                ok.put("content", Map.of("application/json", Map.of("schema", ref(s.responseType(), schemas))));
            } else {
                ok.put("content", Map.of("application/json", Map.of("schema", Map.of())));
            }
            responses.put(s.method().equals("POST") && s.path().endsWith("s") ? "201" : "200", ok);
            Map<String, Object> problem = Map.of("description", "Refused; the detail says why", "content",
                    Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
            responses.put("default", problem);
            op.put("responses", responses);
            paths.computeIfAbsent(s.path(), p -> new TreeMap<>()).put(s.method().toLowerCase(Locale.ROOT), op);
        }
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas, "securitySchemes", Map.of(
                "basic", Map.of("type", "http", "scheme", "basic"),
                "deviceToken", Map.of("type", "http", "scheme", "bearer"))));
        doc.put("security", List.of(Map.of("basic", List.of()), Map.of("deviceToken", List.of())));
        return doc;
    }

    private static String operationId(RouteSpec s) {
        StringBuilder b = new StringBuilder(s.method().toLowerCase(Locale.ROOT));
        for (String part : s.path().split("[/{}-]")) {
            if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    private static Map<String, Object> ref(Class<?> type, Map<String, Object> schemas) {
        if (!type.isRecord()) return schema(type, schemas);
        String name = type.getSimpleName();
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of());
            Map<String, Object> props = new LinkedHashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Map<String, Object> schema = schema(c.getGenericType(), schemas);
                MaxLength max = c.getAnnotation(MaxLength.class);
                if (max != null) schema = withMaxLength(schema, max.value());
                props.put(c.getName(), schema);
            }
            schemas.put(name, Map.of("type", "object", "additionalProperties", false, "properties", props));
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    /** A text field's limit ({@link MaxLength}) as {@code maxLength}, on a list's items for a list. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withMaxLength(Map<String, Object> schema, int max) {
        Map<String, Object> out = new LinkedHashMap<>(schema);
        if ("array".equals(schema.get("type")) && schema.get("items") instanceof Map<?, ?> items) {
            out.put("items", withMaxLength((Map<String, Object>) items, max));
        } else if ("string".equals(schema.get("type"))) {
            out.put("maxLength", max);
        }
        return out;
    }

    private static Map<String, Object> schema(Type t, Map<String, Object> schemas) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) return Map.of("type", "array", "items", schema(p.getActualTypeArguments()[0], schemas));
            if (Map.class.isAssignableFrom(raw)) return Map.of("type", "object", "additionalProperties", schema(p.getActualTypeArguments()[1], schemas));
            return Map.of("type", "object");
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) return Map.of("type", "string");
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) return Map.of("type", "integer");
        if (c == boolean.class || c == Boolean.class) return Map.of("type", "boolean");
        if (c == double.class || c == Double.class) return Map.of("type", "number");
        if (c == Instant.class) return Map.of("type", "string", "format", "date-time");
        if (c == LocalDate.class) return Map.of("type", "string", "format", "date");
        if (c.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object o : c.getEnumConstants()) values.add(o.toString());
            return Map.of("type", "string", "enum", values);
        }
        if (c.isRecord()) return ref(c, schemas);
        return Map.of("type", "object");
    }
}
