package org.talon.web.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.talon.web.api.MaxLength;

/**
 * Reads request bodies strictly, so that what a route receives is exactly what was sent and
 * every refusal says in the caller's language what is wrong, never which library noticed:
 * <ul>
 * <li>the bytes must be UTF-8 (no overlong forms, no encoded surrogates);</li>
 * <li>one JSON value, nested at most {@value #MAX_DEPTH} levels, numbers of at most
 *     {@value #MAX_NUMBER_LENGTH} characters, each field name once per object, text without
 *     control characters (tab, line feed and carriage return aside) or halves of surrogate pairs;</li>
 * <li>JSON types as declared: a number is not a string, a string is not a boolean, nothing is
 *     coerced;</li>
 * <li>text no longer than the field's {@link MaxLength}.</li>
 * </ul>
 */
final class JsonBodies {
    static final int MAX_DEPTH = 16;
    static final int MAX_NUMBER_LENGTH = 20;
    /** How much of a wrong value or an unknown name a problem repeats. */
    static final int ECHO = 64;

    final ObjectMapper mapper = strictMapper();

    /** The mapper for bodies and replies: strict when reading, ISO-8601 times when writing. */
    static ObjectMapper strictMapper() {
        JsonFactory factory = JsonFactory.builder()
                // one level deeper than ours, so that the token pass below says it in its own words
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
                .build();
        SimpleModule strings = new SimpleModule("talon-strict-strings");
        strings.addDeserializer(String.class, new StrictStrings());
        ObjectMapper m = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(strings)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        for (LogicalType t : List.of(LogicalType.Boolean, LogicalType.Integer, LogicalType.Float, LogicalType.Textual,
                LogicalType.Enum, LogicalType.Collection, LogicalType.POJO)) {
            for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString)) {
                m.coercionConfigFor(t).setCoercion(shape, CoercionAction.Fail);
            }
        }
        // an integer is a fine value for a decimal field
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        return m;
    }

    /** Only a JSON string is a string; a number, a boolean, an array or an object is the wrong type. */
    static final class StrictStrings extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        StrictStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) return p.getText();
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** The body read as {@code type}; a {@link WebProblem} (400) saying what is wrong otherwise. */
    <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) throw new WebProblem(400, "body.missing");
        // parsed from the decoded text, never from the bytes: Jackson would guess the encoding
        // from them (a UTF-16 body without a byte order mark passes a UTF-8 check: NUL is UTF-8)
        String text = checkUtf8(body);
        checkTokens(text);
        T value;
        try {
            value = mapper.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw new WebProblem(400, "field.unknown", echo(e.getPropertyName()),
                    e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            // a value of the wrong JSON type that the mapper refused to coerce, or the right type with a wrong value
            String expected = expected(e.getTargetType());
            String given = kind(e.getValue());
            if (!given.equals(expected) && !(given.equals("type.integer") && expected.equals("type.number"))) {
                throw new WebProblem(400, "field.wrongType", fieldPath(e), new org.talon.event.api.text.Texts.Key(expected));
            }
            throw new WebProblem(400, "field.wrongValue", fieldPath(e), echo(String.valueOf(e.getValue())));
        } catch (MismatchedInputException e) {
            throw new WebProblem(400, "field.wrongType", fieldPath(e), new org.talon.event.api.text.Texts.Key(expected(e.getTargetType())));
        } catch (InputCoercionException e) {
            // a number out of its field's range
            throw new WebProblem(400, "field.outOfRange", path(e.getProcessor() == null ? null : e.getProcessor().getParsingContext()));
        } catch (JsonMappingException e) {
            throw new WebProblem(400, "field.wrongType", pathOf(e.getPath()), new org.talon.event.api.text.Texts.Key("type.value"));
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new WebProblem(400, "body.unreadable");
        }
        if (value == null) throw new WebProblem(400, "body.null");
        checkLengths(value, "");
        return value;
    }

    /** The body as text; refuses bytes that are not UTF-8, naming the first bad byte's offset. */
    static String checkUtf8(byte[] body) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) throw new WebProblem(400, "body.notUtf8", String.valueOf(in.position()));
        r = d.flush(out);
        if (r.isError()) throw new WebProblem(400, "body.notUtf8", String.valueOf(in.position()));
        return out.flip().toString();
    }

    /** One pass over the tokens: limits, duplicate names and the characters of every text. */
    void checkTokens(String body) {
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            Deque<Set<String>> names = new ArrayDeque<>();
            int depth = 0;
            int roots = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (depth == 0 && ++roots > 1) {
                    throw new WebProblem(400, "json.trailing", p.currentLocation().getLineNr(), p.currentLocation().getColumnNr());
                }
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) throw new WebProblem(400, "json.tooDeep", MAX_DEPTH);
                        names.push(t == JsonToken.START_OBJECT ? new HashSet<>() : Set.of());
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        names.pop();
                    }
                    case FIELD_NAME -> {
                        String name = p.currentName();
                        checkText(name, p.getParsingContext());
                        if (!names.peek().add(name)) throw new WebProblem(400, "field.duplicate", path(p.getParsingContext()));
                    }
                    case VALUE_STRING -> checkText(p.getText(), p.getParsingContext());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        if (p.getTextLength() > MAX_NUMBER_LENGTH) {
                            throw new WebProblem(400, "json.numberTooLong", path(p.getParsingContext()), MAX_NUMBER_LENGTH);
                        }
                    }
                    default -> {
                        // true, false, null
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            throw new WebProblem(400, "json.limits", MAX_DEPTH, MAX_NUMBER_LENGTH);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new WebProblem(400, "body.unreadable");
        }
    }

    private static void checkText(String s, JsonStreamContext where) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                bad = true;
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            }
            if (bad) throw new WebProblem(400, "json.badCharacter", path(where));
        }
    }

    private static WebProblem invalid(JsonProcessingException e) {
        var at = e.getLocation();
        if (at == null) return new WebProblem(400, "json.invalidNoPlace");
        return new WebProblem(400, "json.invalid", at.getLineNr(), at.getColumnNr());
    }

    /** A record's component as the length check reads it, looked up once per record class. */
    private record Component(String name, java.lang.reflect.Method accessor, int max, Type type) {
    }

    /** Reflection on every request cost 7 % of a request thread's time: the components are read once per class. */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            Component[] out = new Component[rc.length];
            for (int i = 0; i < rc.length; i++) {
                MaxLength max = rc[i].getAnnotation(MaxLength.class);
                java.lang.reflect.Method m = rc[i].getAccessor();
                try {
                    m.setAccessible(true); // a public record in a package that is not public to reflection
                } catch (RuntimeException ignored) {
                    // invoked as it is
                }
                out[i] = new Component(rc[i].getName(), m, max == null ? -1 : max.value(), rc[i].getGenericType());
            }
            return out;
        }
    };

    /** Refuses text longer than its field's {@link MaxLength}, in records, nested records and lists. */
    static void checkLengths(Object value, String prefix) {
        if (value == null || !value.getClass().isRecord()) return;
        for (Component c : COMPONENTS.get(value.getClass())) {
            Object v;
            try {
                v = c.accessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v == null) continue;
            if (v instanceof String s) {
                if (c.max() >= 0 && s.length() > c.max()) throw new WebProblem(400, "field.tooLong", prefix + c.name(), String.valueOf(c.max()));
            } else if (v instanceof Collection<?> list) {
                int i = 0;
                for (Object e : list) {
                    String at = prefix + c.name() + "[" + i++ + "]";
                    // a list holds values, not gaps: [null] is not a list of strings
                    if (e == null) {
                        throw new WebProblem(400, "field.wrongType", at, new org.talon.event.api.text.Texts.Key(isStringList(c.type()) ? "type.string" : "type.value"));
                    }
                    if (e instanceof String s && c.max() >= 0 && s.length() > c.max()) {
                        throw new WebProblem(400, "field.tooLong", at, String.valueOf(c.max()));
                    }
                    checkLengths(e, at + ".");
                }
            } else if (v.getClass().isRecord()) {
                checkLengths(v, prefix + c.name() + ".");
            }
        }
    }

    /** The field's path in the body, or "(body)" for the body as a whole. */
    private static Object fieldPath(MismatchedInputException e) {
        return pathOf(e.getPath());
    }

    private static Object pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) b.append('.');
                b.append(echo(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? new org.talon.event.api.text.Texts.Key("field.body") : b.toString();
    }

    /** Where the parser stands, as {@code types[0]} or {@code a.b}; "(body)" at the top. */
    static Object path(JsonStreamContext where) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = where; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) parts.push("." + echo(c.getCurrentName()));
            else if (c.inArray()) parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
        }
        String p = String.join("", parts);
        if (p.startsWith(".")) p = p.substring(1);
        return p.isEmpty() ? new org.talon.event.api.text.Texts.Key("field.body") : p;
    }

    /** The JSON type a Java type is read from, as a text key ("a string", "true or false", ...). */
    static String expected(Class<?> t) {
        if (t == null) return "type.value";
        if (t == String.class || t.isEnum() || t == java.time.Instant.class || t == java.time.LocalDate.class) return "type.string";
        if (t == Boolean.class || t == boolean.class) return "type.boolean";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == Short.class) return "type.integer";
        if (t == Double.class || t == double.class || t == Float.class || t == float.class) return "type.number";
        if (Collection.class.isAssignableFrom(t) || t.isArray()) return "type.array";
        return "type.object";
    }

    /** The JSON type of a value the mapper read, as a text key like {@link #expected}. */
    static String kind(Object v) {
        if (v instanceof String) return "type.string";
        if (v instanceof Boolean) return "type.boolean";
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.math.BigInteger) return "type.integer";
        if (v instanceof Number) return "type.number";
        if (v instanceof Collection) return "type.array";
        return "type.value";
    }

    /** At most {@value #ECHO} characters of something the client sent, to repeat in a problem. */
    static String echo(String s) {
        if (s == null) return "";
        return s.length() <= ECHO ? s : s.substring(0, ECHO) + "\u2026";
    }

    /** Whether a generic type is a list of strings (for documenting {@link MaxLength} on its items). */
    static boolean isStringList(Type t) {
        return t instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType())
                && p.getActualTypeArguments()[0] == String.class;
    }
}
