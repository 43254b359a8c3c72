package org.talon.web.internal;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * {@code GET /health}: answers {@code ok} with no login and nothing else, for load balancers and
 * monitoring; also the trivial servlet the benchmarks compare the API with (the HTTP ceiling).
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/health",
    "osgi.http.whiteboard.servlet.name=talon-health"})
public final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] OK = {'o', 'k', '\n'};

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.setContentLength(OK.length);
        resp.getOutputStream().write(OK);
    }
}
