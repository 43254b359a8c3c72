package org.talon.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * Refuses requests whose framing is ambiguous before any servlet sees them: a header that must
 * come once (RFC 9110/9112: {@code Host}; for Talon also the login, the body's type and the keys
 * a client repeats on retries) sent twice is a 400. Jetty 9.4 has no compliance setting for a
 * duplicate {@code Host}; two proxies in front of Talon could read two different hosts from it.
 */
@Component(service = Filter.class, property = {
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.name=talon-framing",
    "osgi.http.whiteboard.filter.asyncSupported=true"})
public final class FramingFilter implements Filter {
    static final List<String> ONCE = List.of("Host", "Authorization", "Content-Type", "Content-Length",
            "Idempotency-Key", "Last-Event-ID");
    private final ObjectMapper json = JsonBodies.strictMapper();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp) {
            for (String name : ONCE) {
                Enumeration<String> values = req.getHeaders(name);
                if (values == null || !values.hasMoreElements()) continue;
                values.nextElement();
                if (values.hasMoreElements()) {
                    resp.setHeader("Connection", "close");
                    Problems.write(json, resp, new WebProblem(400, "header.repeated", name), Messages.locale(req),
                            JsonBodies.echo(req.getRequestURI()));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
