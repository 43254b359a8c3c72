package org.talon.notify.sms.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.NotificationChannel;
import org.talon.notify.api.OutgoingMessage;

/**
 * The SMS channel through an SMS provider's HTTP API: one request per message, made from the
 * configured URL and body template, in which {@code {to}}, {@code {text}} and {@code {from}} are
 * replaced by the recipient's number, the text and the sender, escaped for where they stand (the
 * URL: URL-encoded; a JSON body: as JSON string contents; a form body: form-encoded; an XML body:
 * XML-escaped). Any answer but 2xx is a failure (the message is tried again later). Active while
 * {@code org.talon.notify.sms.http} is configured.
 */
@Component(configurationPid = HttpSmsGateway.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = NotificationChannel.KIND + "=sms")
@Designate(ocd = HttpSmsGateway.Config.class)
public final class HttpSmsGateway implements NotificationChannel {
    static final String PID = "org.talon.notify.sms.http";
    private static final Pattern FIELD = Pattern.compile("\\{(to|text|from)\\}");

    @ObjectClassDefinition(name = "Talon SMS channel (HTTP gateway)", description = "An SMS provider's HTTP API Talon's text messages are sent through")
    public @interface Config {
        @AttributeDefinition(description = "The address requests go to; may hold {to}, {text} and {from} (URL-encoded there)")
        String url();

        @AttributeDefinition(description = "The HTTP method", options = {
            @org.osgi.service.metatype.annotations.Option(label = "POST", value = "POST"),
            @org.osgi.service.metatype.annotations.Option(label = "PUT", value = "PUT"),
            @org.osgi.service.metatype.annotations.Option(label = "GET", value = "GET")})
        String method() default "POST";

        @AttributeDefinition(description = "The body's content type; it says how {to}, {text} and {from} are escaped in the body")
        String contentType() default "application/json";

        @AttributeDefinition(description = "The body, with {to}, {text} and {from}; not sent with GET")
        String body() default "{\"to\":\"{to}\",\"text\":\"{text}\",\"from\":\"{from}\"}";

        @AttributeDefinition(description = "The sender, as {from}", required = false)
        String from() default "";

        @AttributeDefinition(description = "How {to} is written: international (+48600100200) or digits (48600100200)", options = {
            @org.osgi.service.metatype.annotations.Option(label = "+ and digits", value = "international"),
            @org.osgi.service.metatype.annotations.Option(label = "digits only", value = "digits")})
        String numberFormat() default "international";

        @AttributeDefinition(description = "A header sent with every request, e.g. Authorization; empty: none", required = false)
        String headerName() default "";

        @AttributeDefinition(description = "That header's value, e.g. Bearer <token>", type = AttributeType.PASSWORD, required = false)
        String headerValue() default "";

        @AttributeDefinition(description = "How long to wait for the provider's answer (seconds)", min = "1")
        int timeoutSeconds() default 15;
    }

    record Settings(String url, String method, String contentType, String body, String from, boolean digits, String headerName,
            String headerValue, Duration timeout) {
        static Settings of(Config c) {
            String url = c.url() == null ? "" : c.url().strip();
            if (url.isEmpty()) throw new IllegalArgumentException(PID + ": url is not set");
            String probe = FIELD.matcher(url).replaceAll("x");
            URI u;
            try {
                u = URI.create(probe);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PID + ": url is not an address: " + url, e);
            }
            if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme())) {
                throw new IllegalArgumentException(PID + ": url is an http or https address, not " + url);
            }
            String method = c.method() == null ? "POST" : c.method().strip().toUpperCase(Locale.ROOT);
            if (!method.equals("POST") && !method.equals("PUT") && !method.equals("GET")) {
                throw new IllegalArgumentException(PID + ": method is POST, PUT or GET, not " + c.method());
            }
            String format = c.numberFormat() == null ? "international" : c.numberFormat().strip().toLowerCase(Locale.ROOT);
            if (!format.equals("international") && !format.equals("digits")) {
                throw new IllegalArgumentException(PID + ": numberFormat is international or digits");
            }
            String header = c.headerName() == null ? "" : c.headerName().strip();
            if (!header.isEmpty() && !header.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new IllegalArgumentException(PID + ": headerName is not a header's name: " + header);
            }
            return new Settings(url, method, c.contentType() == null ? "" : c.contentType().strip(), c.body() == null ? "" : c.body(),
                    c.from() == null ? "" : c.from().strip(), format.equals("digits"), header, c.headerValue() == null ? "" : c.headerValue(),
                    Duration.ofSeconds(Math.max(1, c.timeoutSeconds())));
        }
    }

    private volatile Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Activate
    @Modified
    void configure(Config c) {
        settings = Settings.of(c);
    }

    @Override
    public void send(OutgoingMessage m) throws Exception {
        if (m.recipient().kind() != ContactAddress.Kind.PHONE) {
            throw new IllegalArgumentException("the SMS channel sends to phone numbers, not to " + m.recipient().kind());
        }
        Settings s = settings;
        String to = s.digits && m.recipient().value().startsWith("+") ? m.recipient().value().substring(1) : m.recipient().value();
        Map<String, String> values = Map.of("to", to, "text", m.text(), "from", s.from);
        URI uri = URI.create(fill(s.url, values, v -> URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(s.timeout);
        if (s.method.equals("GET")) {
            b.GET();
        } else {
            String body = fill(s.body, values, escaper(s.contentType));
            b.method(s.method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (!s.contentType.isEmpty()) b.header("Content-Type", s.contentType.contains("charset") ? s.contentType : s.contentType + "; charset=utf-8");
        }
        if (!s.headerName.isEmpty()) b.header(s.headerName, s.headerValue);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            String answer = r.body() == null ? "" : r.body().strip();
            if (answer.length() > 200) answer = answer.substring(0, 200) + "…";
            throw new IOException("the SMS gateway answered " + r.statusCode() + (answer.isEmpty() ? "" : ": " + answer));
        }
    }

    static String fill(String template, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher mt = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (mt.find()) mt.appendReplacement(out, Matcher.quoteReplacement(escape.apply(values.get(mt.group(1)))));
        mt.appendTail(out);
        return out.toString();
    }

    /** How a value is written into a body of this content type. */
    static UnaryOperator<String> escaper(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT);
        if (t.contains("json")) return HttpSmsGateway::json;
        if (t.contains("x-www-form-urlencoded")) return v -> URLEncoder.encode(v, StandardCharsets.UTF_8);
        if (t.contains("xml")) return v -> v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
        return v -> v;
    }

    /** The contents of a JSON string holding {@code v} (Jackson's escaping). */
    static String json(String v) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(v));
    }
}
