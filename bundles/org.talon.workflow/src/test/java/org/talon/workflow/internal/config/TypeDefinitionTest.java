package org.talon.workflow.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.talon.workflow.api.RequestField;
import org.talon.workflow.api.RequestType;

class TypeDefinitionTest {
    /** A configuration as ConfigAdmin gives it: the annotation's values from the properties, defaults otherwise. */
    static TypeDefinition.Config config(Map<String, Object> props) {
        return (TypeDefinition.Config) Proxy.newProxyInstance(TypeDefinition.Config.class.getClassLoader(), new Class<?>[] {TypeDefinition.Config.class},
                (p, m, a) -> props.containsKey(m.getName()) ? props.get(m.getName()) : m.getDefaultValue());
    }

    static TypeDefinition define(Map<String, Object> props) {
        return new TypeDefinition(config(props), props);
    }

    @Test
    void aTypesFormIsReadFromItsFileWithKindsLimitsAndLabels() {
        Map<String, Object> p = new HashMap<>(Map.of("branch", "demo", "code", "passport", "fields", "surname, birthDate, reason, children, old",
                "name.en", "Passport application", "name.pl", "Wniosek o paszport", "slaHours", 80, "skills", "passport", "pickup", true,
                "pickupService", "C"));
        p.put("field.surname", "TEXT required max=60");
        p.put("field.surname.pl", "Nazwisko");
        p.put("field.birthDate", "DATE required");
        p.put("field.reason", "CHOICE required choices=first|expired|lost");
        p.put("field.children", "NUMBER min=0 max=20");
        p.put("field.old", "TEXT pattern=[A-Z]{2} [0-9]{7}");
        RequestType t = define(p).type();
        assertEquals("Wniosek o paszport", t.name("pl"));
        assertEquals(List.of("surname", "birthDate", "reason", "children", "old"), t.fields().stream().map(RequestField::name).toList());
        RequestField surname = t.field("surname");
        assertEquals(RequestField.Kind.TEXT, surname.kind());
        assertTrue(surname.required());
        assertEquals(60, surname.maxLength());
        assertEquals("Nazwisko", surname.label("pl"));
        assertEquals("surname", surname.label("ru"), "no label in Russian or English: its name");
        assertEquals(List.of("first", "expired", "lost"), t.field("reason").choices());
        assertEquals(20L, t.field("children").max());
        assertEquals("[A-Z]{2} [0-9]{7}", t.field("old").pattern(), "a pattern takes the rest of the line, spaces included");
        assertEquals(80, t.sla().toHours());
        assertEquals("C", t.pickupService());
    }

    @Test
    void aWrongFieldStopsTheTypeWithAMessageNamingIt() {
        Map<String, Object> p = new HashMap<>(Map.of("branch", "demo", "code", "x", "fields", "a"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> define(p)).getMessage().contains("field a has no field.a"));
        p.put("field.a", "COLOUR");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> define(p)).getMessage().contains("TEXT, NUMBER, DATE or CHOICE"));
        p.put("field.a", "CHOICE required");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> define(p)).getMessage().contains("without choices"));
        p.put("field.a", "NUMBER max=many");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> define(p)).getMessage().contains("whole number"));
        p.put("field.a", "TEXT pattern=[a-");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> define(p)).getMessage().contains("not a regular expression"));
        p.put("field.a", "TEXT");
        p.put("warnPercent", 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> define(p)).getMessage().contains("warnPercent"));
    }
}
