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
                "detail", Map.of("type", "string"), "instance", Map.of("type", "string"),
                "invalid-params", Map.of("type", "array", "description", "the wrong values of a request body, each named",
                        "items", Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string"), "reason", Map.of("type", "string")))))));
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
                op.put("x-talon-roles", s.roles().stream().map(Role::name).sorted().toList());
            }
            if (s.requestType() != null) {
                op.put("requestBody", Map.of("required", true, "content",
                        Map.of("application/json", Map.of("schema", ref(s.requestType(), schemas)))));
            }
            // the codes the route declares (its success, its other answers) and the platform's own
            Map<String, Object> responses = new TreeMap<>();
            responses.put(String.valueOf(s.status()), success(s, s.status() == 204 ? "No content" : "Success", schemas));
            for (Map.Entry<Integer, String> a : s.answers().entrySet()) {
                responses.put(String.valueOf(a.getKey()), a.getKey() < 300 ? success(s, a.getValue(), schemas) : problem(a.getValue()));
            }
            if (s.requestType() != null) responses.putIfAbsent("400", problem("The body is not the JSON this route takes; the detail names the field"));
            if (!s.roles().contains(Role.PUBLIC)) {
                responses.putIfAbsent("401", problem("Not logged in"));
                responses.putIfAbsent("403", problem("Logged in without a role this route allows"));
            }
            responses.putIfAbsent("503", problem("The database or the route's domain is not available now; retry (Retry-After)"));
            responses.put("default", problem("Refused; the detail says why"));
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

    private static Map<String, Object> success(RouteSpec s, String description, Map<String, Object> schemas) {
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", description);
        if (s.responseType() != null) {
            Map<String, Object> schema = ref(s.responseType(), schemas);
            if (s.responseList()) schema = Map.of("type", "array", "items", schema);
            ok.put("content", Map.of(s.produces(), Map.of("schema", schema)));
        } else if (!"application/json".equals(s.produces())) {
            ok.put("content", Map.of(s.produces(), Map.of("schema", Map.of("type", "string", "format", "binary"))));
        } else if (s.status() != 204) {
            ok.put("content", Map.of("application/json", Map.of("schema", Map.of())));
        }
        return ok;
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content",
                Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
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
