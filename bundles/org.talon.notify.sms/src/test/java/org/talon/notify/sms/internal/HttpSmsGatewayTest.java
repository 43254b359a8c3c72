package org.talon.notify.sms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.OutgoingMessage;

/** The HTTP gateway channel against a real HTTP server (the JDK's) started in the test. */
class HttpSmsGatewayTest {
    record Request(String method, String uri, String contentType, String auth, String body) {
    }

    HttpServer server;
    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(x.getRequestMethod(), x.getRequestURI().getRawPath() + (x.getRequestURI().getRawQuery() == null ? ""
                    : "?" + x.getRequestURI().getRawQuery()), x.getRequestHeaders().getFirst("Content-Type"),
                    x.getRequestHeaders().getFirst("Authorization"), body));
            byte[] answer = (status == 200 ? "{\"id\":\"42\"}" : "{\"error\":\"no credit left\"}").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status, answer.length);
            x.getResponseBody().write(answer);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    HttpSmsGateway gateway(Map<String, Object> more) {
        Map<String, Object> c = new HashMap<>(Map.of("url", base() + "/sms", "from", "Talon"));
        c.putAll(more);
        HttpSmsGateway g = new HttpSmsGateway();
        g.configure(Configs.of(HttpSmsGateway.Config.class, c));
        return g;
    }

    static OutgoingMessage sms(String text) {
        return new OutgoingMessage("m", ContactAddress.parse("+48600100200"), null, null, text, List.of());
    }

    Request next() throws InterruptedException {
        Request r = requests.poll(5, TimeUnit.SECONDS);
        assertTrue(r != null, "no request came");
        return r;
    }

    @Test
    void aJsonBodyCarriesTheNumberTheTextAndTheSenderEscaped() throws Exception {
        String text = "Талон \"A017\" вызван:\nОкно 3 \\ Центр";
        gateway(Map.of("headerName", "Authorization", "headerValue", "Bearer t0ken")).send(sms(text));
        Request r = next();
        assertEquals("POST", r.method());
        assertEquals("/sms", r.uri());
        assertEquals("application/json; charset=utf-8", r.contentType());
        assertEquals("Bearer t0ken", r.auth());
        JsonNode j = new ObjectMapper().readTree(r.body());
        assertEquals("+48600100200", j.get("to").asText());
        assertEquals(text, j.get("text").asText());
        assertEquals("Talon", j.get("from").asText());
    }

    @Test
    void aFormBodyAndDigitsOnlyNumbers() throws Exception {
        gateway(Map.of("contentType", "application/x-www-form-urlencoded", "body", "to={to}&message={text}&sender={from}",
                "numberFormat", "digits")).send(sms("Bilet A017 wywołany: Okienko 3 & 4"));
        Request r = next();
        Map<String, String> form = new HashMap<>();
        for (String kv : r.body().split("&")) {
            String[] p = kv.split("=", 2);
            form.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
        assertEquals(Map.of("to", "48600100200", "message", "Bilet A017 wywołany: Okienko 3 & 4", "sender", "Talon"), form);
    }

    @Test
    void aGetPutsTheValuesInTheAddress() throws Exception {
        gateway(Map.of("method", "GET", "url", base() + "/send?to={to}&text={text}")).send(sms("Тест 1+1 & ok"));
        Request r = next();
        assertEquals("GET", r.method());
        String query = r.uri().substring(r.uri().indexOf('?') + 1);
        assertTrue(query.startsWith("to=%2B48600100200&text="), query);
        assertEquals("Тест 1+1 & ok", URLDecoder.decode(query.substring(query.indexOf("text=") + 5), StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerThatIsNot2xxIsAFailureWithTheStatusAndTheAnswer() throws Exception {
        status = 402;
        IOException e = assertThrows(IOException.class, () -> gateway(Map.of()).send(sms("x")));
        assertTrue(e.getMessage().contains("402") && e.getMessage().contains("no credit left"), e.getMessage());
    }

    @Test
    void aGatewayThatIsDownIsAFailure() {
        HttpSmsGateway g = gateway(Map.of());
        server.stop(0);
        assertThrows(IOException.class, () -> g.send(sms("x")));
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        for (Map.Entry<String, Object> bad : Map.<String, Object>of("url", "ftp://x/y", "method", "DELETE", "numberFormat", "e164",
                "headerName", "Bad Header").entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gateway(Map.of(bad.getKey(), bad.getValue())));
            assertTrue(e.getMessage().contains(bad.getKey()), e.getMessage());
        }
    }
}
