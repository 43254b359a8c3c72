package org.talon.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talon.web.api.MaxLength;

class JsonBodiesTest {
    public record Body(@MaxLength(8) String name, Boolean first, Integer count, @MaxLength(5) List<String> types, Inner inner) {
    }

    public record Inner(@MaxLength(3) String code) {
    }

    final JsonBodies bodies = new JsonBodies();

    Body read(String json) {
        return bodies.read(json.getBytes(StandardCharsets.UTF_8), Body.class);
    }

    /** The problem's detail in English, after checking it is a 400 and names no library. */
    String refused(byte[] body) {
        WebProblem p = assertThrows(WebProblem.class, () -> bodies.read(body, Body.class));
        assertEquals(400, p.status(), p.detail());
        String d = p.detail(Locale.ENGLISH);
        for (String leak : List.of("Jackson", "jackson", "Feature", "Constraints", "com.", "java.", "Exception", "`")) {
            assertFalse(d.contains(leak), "names the library: " + d);
        }
        return d;
    }

    String refused(String json) {
        return refused(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWellFormedBodyIsReadAsSent() {
        Body b = read("{\"name\":\"  anna \",\"first\":true,\"count\":3,\"types\":[\"A\"],\"inner\":{\"code\":\"X\"}}");
        assertEquals("  anna ", b.name(), "nothing trimmed");
        assertEquals(true, b.first());
        assertEquals(3, b.count());
        assertEquals(List.of("A"), b.types());
        assertEquals("X", b.inner().code());
        assertEquals("ok\ttab", read("{\"name\":\"ok\\ttab\"}").name(), "a tab is text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":12345}", "{\"name\":true}", "{\"name\":1.5}", "{\"name\":[\"a\"]}", "{\"name\":{}}"})
    void aStringFieldTakesOnlyAString(String json) {
        assertEquals("Field 'name' must be a string.", refused(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"first\":\"true\"}", "{\"first\":1}", "{\"first\":0}", "{\"first\":[]}", "{\"first\":\"\"}"})
    void aBooleanFieldTakesOnlyTrueOrFalse(String json) {
        assertEquals("Field 'first' must be true or false.", refused(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"count\":\"3\"}", "{\"count\":1.5}", "{\"count\":true}", "{\"count\":\"\"}"})
    void anIntegerFieldTakesOnlyAWholeNumber(String json) {
        assertEquals("Field 'count' must be a whole number.", refused(json));
    }

    @Test
    void listsAndObjectsTakeOnlyTheirOwnShape() {
        assertEquals("Field 'types[0]' must be a string.", refused("{\"types\":[true]}"));
        assertEquals("Field 'types[1]' must be a string.", refused("{\"types\":[\"A\",1]}"));
        assertEquals("Field 'types' must be an array.", refused("{\"types\":\"A\"}"));
        assertEquals("Field 'inner' must be an object.", refused("{\"inner\":\"X\"}"));
        assertEquals("Field 'inner.code' must be a string.", refused("{\"inner\":{\"code\":7}}"));
    }

    @Test
    void aNumberOutOfItsFieldsRangeIsRefusedByName() {
        assertTrue(refused("{\"count\":99999999999}").contains("'count'"));
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        assertEquals("Field 'name' appears more than once.", refused("{\"name\":\"A\",\"name\":\"B\"}"));
        assertEquals("Field 'inner.code' appears more than once.", refused("{\"inner\":{\"code\":\"A\",\"code\":\"A\"}}"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        // an overlong 'A', an encoded surrogate, a truncated sequence, a byte that never occurs in UTF-8
        for (byte[] bad : List.of(new byte[] {(byte) 0xc1, (byte) 0x81}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xff})) {
            byte[] head = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
            byte[] body = new byte[head.length + bad.length + 2];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(bad, 0, body, head.length, bad.length);
            body[body.length - 2] = '"';
            body[body.length - 1] = '}';
            assertEquals("The body is not valid UTF-8 (at byte 9).", refused(body));
        }
    }

    @Test
    void controlCharactersAndHalfSurrogatesAreRefusedWhereverTheyAre() {
        assertEquals("The text in 'name' holds a control character or half of a surrogate pair.", refused("{\"name\":\"a\\u0000b\"}"));
        assertTrue(refused("{\"name\":\"\\ud800\"}").contains("'name'"));
        assertTrue(refused("{\"name\":\"\\udc00x\"}").contains("'name'"));
        assertTrue(refused("{\"types\":[\"\\u0007\"]}").contains("'types[0]'"));
        assertTrue(refused("{\"na\\u0000me\":\"x\"}").contains("surrogate"));
        assertEquals("\ud83d\ude00", read("{\"name\":\"\\ud83d\\ude00\"}").name(), "a whole surrogate pair is text");
    }

    @Test
    void malformedJsonIsRefusedWithAPlaceNotALibraryMessage() {
        assertTrue(refused("{\"name\":\"A\",\"count\":NaN}").startsWith("The body is not valid JSON (line 1, column 2"));
        refused("{\"name\":'A'}");
        refused("{\"name\":\"A\",}");
        refused("{\"count\":012}");
        refused("{/*c*/\"name\":\"A\"}");
        refused("{\"name\":");
        assertTrue(refused("{\"name\":\"A\"} {\"name\":\"B\"}").contains("more than one JSON value"));
    }

    @Test
    void limitsOfNestingAndNumbersAreStatedInOwnWords() {
        assertEquals("The body nests arrays and objects deeper than 16 levels.", refused("{\"types\":" + "[".repeat(40) + "]".repeat(40) + "}"));
        assertEquals("The body nests arrays and objects deeper than 16 levels.", refused("[".repeat(5000)));
        assertEquals("The number in 'count' has more than 20 characters.", refused("{\"count\":" + "9".repeat(21) + "}"));
        assertTrue(refused("{\"count\":" + "9".repeat(5000) + "}").contains("limit"));
    }

    @Test
    void textLongerThanItsLimitIsRefusedWithFieldAndLimit() {
        assertEquals("Field 'name' may have at most 8 characters.", refused("{\"name\":\"123456789\"}"));
        assertEquals("Field 'types[1]' may have at most 5 characters.", refused("{\"types\":[\"A\",\"ABCDEF\"]}"));
        assertEquals("Field 'inner.code' may have at most 3 characters.", refused("{\"inner\":{\"code\":\"ABCD\"}}"));
        assertEquals("12345678", read("{\"name\":\"12345678\"}").name());
    }

    @Test
    void unknownFieldsAndWrongBodiesAreNamed() {
        assertTrue(refused("{\"colour\":\"red\"}").startsWith("Unknown field 'colour'"));
        assertEquals("The JSON body is null.", refused("null"));
        assertEquals("Field '(body)' must be an object.", refused("[]"));
        assertEquals("Field '(body)' must be an object.", refused("\"x\""));
        assertTrue(refused("{\"" + "x".repeat(500) + "\":1}").length() < 300, "a long unknown name is cut");
    }

    @Test
    void exactlyApplicationJsonInUtf8IsJson() {
        for (String ok : List.of("application/json", "Application/JSON", "application/json; charset=utf-8", "application/json;charset=\"UTF-8\"")) {
            ApiServlet.checkJsonType(ok);
        }
        for (String bad : List.of("application/jsonx", "application/json-patch+json", "application/json5", "text/json", "application/json;charset=latin1",
                "application/json; x=1", "")) {
            WebProblem p = assertThrows(WebProblem.class, () -> ApiServlet.checkJsonType(bad), bad);
            assertEquals(415, p.status(), bad);
        }
    }
}
