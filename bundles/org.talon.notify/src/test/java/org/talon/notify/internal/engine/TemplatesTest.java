package org.talon.notify.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talon.event.api.text.Texts;

/** The notification texts: every template in every language, every placeholder filled, and an integrator's overrides. */
class TemplatesTest {
    final Templates templates = new Templates(null);

    @Test
    void everyTemplateIsInEveryLanguageWithOnlyItsOwnPlaceholders() {
        assertEquals(List.of(), templates.problems());
        assertEquals(List.of("booking.confirmed", "booking.reminder", "booking.rescheduled", "booking.cancelled", "booking.noshow",
                "ticket.near", "ticket.called", "request.registered", "request.ready", "request.done", "request.rejected", "request.cancelled",
                "request.message", "request.overdue"), List.copyOf(Templates.TEMPLATES.keySet()));
    }

    static Map<String, String> values(String template) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String p : Templates.TEMPLATES.get(template)) v.put(p, "«" + p + "-42»");
        return v;
    }

    @Test
    void everyTemplateShowsEveryPlaceholderInEveryLanguage() {
        for (String lang : Texts.LANGUAGES) {
            for (String t : Templates.TEMPLATES.keySet()) {
                Map<String, String> v = values(t);
                Templates.Rendered r = templates.render(t, lang, "Łucja", v);
                String where = lang + " " + t;
                for (String text : List.of(r.subject(), r.email(), r.sms())) {
                    assertFalse(text.isBlank(), where);
                    assertFalse(Placeholders.PLACEHOLDER.matcher(text).find(), where + " left a placeholder: " + text);
                }
                assertTrue(r.email().startsWith(templates.text(lang, "greeting").replace("{name}", "Łucja")), where + ": " + r.email());
                for (Map.Entry<String, String> e : v.entrySet()) {
                    assertTrue(r.email().contains(e.getValue()), where + " e-mail lacks {" + e.getKey() + "}: " + r.email());
                    assertTrue(r.sms().contains(e.getValue()), where + " SMS lacks {" + e.getKey() + "}: " + r.sms());
                }
                assertFalse(r.sms().contains("\n"), where);
                assertFalse(r.subject().contains("\n"), where);
            }
        }
    }

    @Test
    void theTextsAreInTheirLanguage() {
        Map<String, String> v = values("ticket.called");
        assertTrue(templates.render("ticket.called", "ru", null, v).sms().startsWith("Талон"));
        assertTrue(templates.render("ticket.called", "pl", null, v).sms().startsWith("Bilet"));
        assertTrue(templates.render("ticket.called", "en", null, v).sms().startsWith("Ticket"));
        assertTrue(templates.render("ticket.called", "pl-PL", null, v).sms().startsWith("Bilet"));
        assertTrue(templates.render("ticket.called", "de", null, v).sms().startsWith("Ticket"), "a language Talon does not speak gets English");
        assertTrue(templates.render("ticket.called", null, null, v).sms().startsWith("Ticket"));
    }

    @Test
    void withoutANameTheGreetingHasNoneAndALineWithoutItsValuesIsLeftOut() {
        Map<String, String> v = values("booking.confirmed");
        v.remove("link");
        Templates.Rendered r = templates.render("booking.confirmed", "pl", null, v);
        assertTrue(r.email().startsWith("Dzień dobry!\n\n"), r.email());
        assertFalse(r.email().contains("Szczegóły, zmiana lub odwołanie wizyty"), "the link's line is left out: " + r.email());
        assertFalse(r.email().endsWith("\n"));
        assertFalse(r.sms().endsWith(" "), r.sms());
    }

    @Test
    void placeholdersAreFilledOnceAndOtherBracesStay() {
        assertEquals("A {b} {not a name} x{}", Placeholders.fill("{a} {not a name} x{}", Map.of("a", "A {b}", "b", "B")));
        assertEquals("first\n\nthird", Placeholders.fill("first\nsecond {gone}\n\nthird", Map.of()));
        assertEquals(List.of("x", "y"), List.copyOf(Placeholders.names("{x} {y} {x}")));
    }

    @Test
    void anUnknownTemplateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> templates.render("booking.lost", "en", null, Map.of()));
        assertTrue(e.getMessage().contains("booking.lost"));
    }

    @Test
    void anIntegratorsFileOverridesItsKeysAndIsReadAgainWhenItChanges(@TempDir Path etc) throws Exception {
        Templates t = new Templates(etc);
        Map<String, String> v = values("ticket.near");
        Path f = etc.resolve("talon-notify_pl.properties");
        Files.writeString(f, "ticket.near.sms=Urząd: bilet {number}, miejsce {position}.\n", StandardCharsets.UTF_8);
        assertEquals("Urząd: bilet «number-42», miejsce «position-42».", t.render("ticket.near", "pl", null, v).sms());
        assertTrue(t.render("ticket.near", "pl", null, v).email().contains("Twój bilet"), "the other keys stay Talon's");
        assertTrue(t.render("ticket.near", "en", null, v).sms().startsWith("Ticket"), "other languages stay Talon's");
        Files.writeString(f, "ticket.near.sms=Kolejka: {number}\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 2000));
        assertEquals("Kolejka: «number-42»", t.render("ticket.near", "pl", null, v).sms());
        assertEquals(List.of(), t.problems());
        Files.writeString(f, "ticket.near.sms=Kolejka: {code}\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 4000));
        assertEquals(1, t.problems().size(), t.problems().toString());
        assertTrue(t.problems().get(0).contains("{code}"));
        Files.delete(f);
        assertTrue(t.render("ticket.near", "pl", null, v).sms().startsWith("Bilet"), "Talon's own once the file is gone");
    }
}
