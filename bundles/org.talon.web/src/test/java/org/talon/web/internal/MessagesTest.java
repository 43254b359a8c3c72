package org.talon.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {
    static final String[] FILES = {"messages.properties", "messages_en.properties", "messages_ru.properties", "messages_pl.properties"};
    static final Locale RU = Locale.forLanguageTag("ru");
    static final Locale PL = Locale.forLanguageTag("pl");

    static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            assertTrue(in != null, file + " is on the class path");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyExistsInEnglishRussianAndPolishAndEveryPatternFormats() {
        assertEquals(java.util.List.of(), Messages.TEXTS.problems());
    }

    @Test
    void russianAndPolishAreTranslationsReadAsUtf8() throws IOException {
        Properties en = load("messages.properties");
        Pattern cyrillic = Pattern.compile("\\p{IsCyrillic}");
        for (String key : en.stringPropertyNames()) {
            String ru = Messages.text(RU, key, "a", "b", "c", "d");
            String pl = Messages.text(PL, key, "a", "b", "c", "d");
            assertNotEquals(key, ru);
            assertTrue(cyrillic.matcher(ru).find(), "ru " + key + ": " + ru);
            assertNotEquals(Messages.text(Locale.ENGLISH, key, "a", "b", "c", "d"), pl, "pl " + key + " is translated");
        }
        assertEquals("Nie znaleziono", Messages.text(PL, "title.404"));
        assertTrue(Messages.text(PL, "title.503").contains("niedostępna"), "UTF-8 read intact");
    }

    /** Text keys are the code's only "word.word" string literals, apart from these. */
    static final Set<String> NOT_KEYS = Set.of("karaf.data", "karaf.etc", "users.properties");

    @Test
    void everyKeyTheCodeUsesExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("\"([a-z][a-zA-Z]*\\.[a-zA-Z0-9]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) if (!NOT_KEYS.contains(m.group(1))) used.add(m.group(1));
            }
        }
        assertTrue(used.size() >= 30, "found the keys in the code: " + used);
        for (String k : used) assertTrue(keys.contains(k), "key " + k + " is in messages.properties");
        for (String k : keys) assertTrue(k.startsWith("title.") || used.contains(k), "key " + k + " is used");
    }

    @Test
    void englishTextsStayAsTheyWere() {
        assertEquals("There is no device 'nobody'.", new WebProblem(404, "device.unknown", "nobody").getMessage());
        assertEquals("Not found", new WebProblem(404, "device.unknown", "nobody").title());
        assertEquals("A device's role is kiosk or display.", new WebProblem(400, "device.badRole").getMessage());
        assertEquals("Unknown field 'colour'; known fields: contact, service",
                new WebProblem(400, "field.unknown", "colour", "contact, service").getMessage());
        assertEquals("The body may have at most 65536 bytes.", new WebProblem(413, "body.tooLarge", "65536").getMessage());
        assertEquals("DELETE is not allowed on /branches; allowed: GET",
                new WebProblem(405, "method.notAllowed", "DELETE", "/branches", "GET").getMessage());
        assertEquals("The queue domain is being updated or restarted; POST /branches/{branch}/tickets is back in a moment."
                + " Retry after 1 second.", new WebProblem(503, "restarting.domain", "queue", "POST", "/branches/{branch}/tickets").getMessage());
        assertEquals("from must be 'start' or 'now', not 'later'", new WebProblem(400, "stream.from", "later").getMessage());
    }

    @Test
    void aProblemIsWrittenInTheCallersLanguage() {
        WebProblem p = new WebProblem(404, "resource.unknown", "/no/such/thing");
        assertEquals("Ресурс API /no/such/thing не найден.", p.detail(RU));
        assertEquals("Nie ma zasobu API /no/such/thing", p.detail(PL));
        assertEquals("There is no API resource /no/such/thing", p.detail(Locale.ENGLISH));
        assertEquals("Поле '(тело запроса)' должно быть объектом.",
                new WebProblem(400, "field.wrongType", new org.talon.event.api.text.Texts.Key("field.body"), new org.talon.event.api.text.Texts.Key("type.object")).detail(RU));
        assertEquals("Pole 'operator' musi być tekstem.",
                new WebProblem(400, "field.wrongType", "operator", new org.talon.event.api.text.Texts.Key("type.string")).detail(PL));
        assertEquals("Field '(body)' must be an object.",
                new WebProblem(400, "field.wrongType", new org.talon.event.api.text.Texts.Key("field.body"), new org.talon.event.api.text.Texts.Key("type.object")).getMessage());
    }

    @Test
    void standardTitlesOfAnyBundleAreTranslatedByStatusAndOwnTitlesAreKept() {
        assertEquals("Не найдено", Messages.title(RU, 404, "Not found"));
        assertEquals("Konflikt", Messages.title(PL, 409, "Conflict"));
        assertEquals("Сервис недоступен", Messages.title(RU, 503, "Service unavailable"));
        assertEquals("Bad request", Messages.title(Locale.ENGLISH, 400, "Bad request"));
        assertEquals("Booking window closed", Messages.title(RU, 409, "Booking window closed"), "a route's own title");
        assertEquals("I'm a teapot", Messages.title(RU, 418, "I'm a teapot"), "a status without a standard title");
        for (int status : new int[] {400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503}) {
            String en = Messages.text(Locale.ENGLISH, "title." + status);
            assertNotEquals("title." + status, en);
            assertNotEquals(en, Messages.title(RU, status, en));
            assertNotEquals(en, Messages.title(PL, status, en));
        }
    }
}
