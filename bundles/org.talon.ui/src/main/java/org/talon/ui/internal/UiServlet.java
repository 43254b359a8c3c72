package org.talon.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the static web apps from this bundle's {@code /web} folder: each page at its address
 * ({@code /kiosk}, {@code /display}, {@code /t/{publicId}}) and what they share under {@code /ui/}.
 * The pages are plain ES modules and CSS; everything they show comes from {@code /api/v1}.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/kiosk",
    "osgi.http.whiteboard.servlet.pattern=/operator",
    "osgi.http.whiteboard.servlet.pattern=/manager",
    "osgi.http.whiteboard.servlet.pattern=/admin",
    "osgi.http.whiteboard.servlet.pattern=/display",
    "osgi.http.whiteboard.servlet.pattern=/display/counter/*",
    "osgi.http.whiteboard.servlet.pattern=/t/*",
    "osgi.http.whiteboard.servlet.pattern=/ui/*",
    "osgi.http.whiteboard.servlet.name=talon-ui"})
public final class UiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final Map<String, String> PAGES = Map.of(
            "/kiosk", "/web/kiosk.html",
            "/operator", "/web/operator.html",
            "/manager", "/web/manager.html",
            "/admin", "/web/admin.html",
            "/display", "/web/display.html",
            "/display/counter", "/web/counter.html",
            "/t", "/web/ticket.html");

    static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "wav", "audio/wav",
            "ogg", "audio/ogg");

    /** Pages load only what this server gives; nothing may frame them. */
    static final String POLICY = "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private transient BundleContext context;
    private long modified;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        // the bundle's files change only with the bundle: its last update is their date
        this.modified = context.getBundle().getLastModified() / 1000 * 1000;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String servletPath = req.getServletPath();
        String info = req.getPathInfo();
        String file;
        if (servletPath.equals("/ui")) {
            file = info == null ? null : "/web/ui" + info;
            if (file != null && (file.contains("..") || file.contains("//") || file.contains("\\"))) file = null;
        } else if (servletPath.equals("/t") || servletPath.equals("/display/counter")) {
            // one page for every ticket (counter); the page reads its id from the address
            file = info == null || info.length() < 2 || info.indexOf('/', 1) >= 0 ? null : PAGES.get(servletPath);
        } else {
            file = info == null || info.equals("/") ? PAGES.get(servletPath) : null;
        }
        URL url = file == null ? null : context.getBundle().getEntry(file);
        String type = file == null ? null : TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        if (url == null || type == null) {
            resp.sendError(404);
            return;
        }
        long since = req.getDateHeader("If-Modified-Since");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        // a ticket page's address is the customer's secret: it never leaves in a Referer
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setDateHeader("Last-Modified", modified);
        if (since >= modified) {
            resp.setStatus(304);
            return;
        }
        if (type.startsWith("text/html")) {
            resp.setHeader("Content-Security-Policy", POLICY);
            resp.setHeader("X-Frame-Options", "DENY");
        }
        resp.setContentType(type);
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
        }
    }
}
