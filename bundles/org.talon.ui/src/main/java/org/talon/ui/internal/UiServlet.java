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
 * ({@code /kiosk}, {@code /display}, {@code /t/{publicId}}, {@code /book}) and what they share under {@code /ui/}.
 * The pages are plain ES modules and CSS; everything they show comes from {@code /api/v1}.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/kiosk",
    "osgi.http.whiteboard.servlet.pattern=/operator",
    "osgi.http.whiteboard.servlet.pattern=/manager",
    "osgi.http.whiteboard.servlet.pattern=/manager/site",
    "osgi.http.whiteboard.servlet.pattern=/manager/schedule",
    "osgi.http.whiteboard.servlet.pattern=/book",
    "osgi.http.whiteboard.servlet.pattern=/admin",
    "osgi.http.whiteboard.servlet.pattern=/display",
    "osgi.http.whiteboard.servlet.pattern=/display/counter/*",
    "osgi.http.whiteboard.servlet.pattern=/t/*",
    "osgi.http.whiteboard.servlet.pattern=/hardware",
    "osgi.http.whiteboard.servlet.pattern=/hardware/*",
    "osgi.http.whiteboard.servlet.pattern=/ui/*",
    "osgi.http.whiteboard.servlet.name=talon-ui"})
public final class UiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /**
     * A page: its script, the class of its body (the layout), the key of its title, what its
     * header holds besides the title, and whether its main part is read out as it changes.
     */
    record Page(String script, String bodyClass, String title, String header, boolean live) {
    }

    static final String LANGS = "<nav class=\"langs\" data-i18n-label=\"language.choose\"></nav>";
    static final String CLOCK = "<div class=\"clock\" id=\"clock\" aria-live=\"off\"></div>";

    /** Every page is web/page.html filled in with these: one head, one header, one main. */
    static final Map<String, Page> PAGES = Map.ofEntries(
            Map.entry("/kiosk", new Page("kiosk", "kiosk", "kiosk.title", LANGS, true)),
            Map.entry("/operator", new Page("operator", "operator", "operator.title", LANGS, false)),
            Map.entry("/manager", new Page("manager", "manager", "manager.title", LANGS, false)),
            Map.entry("/manager/site", new Page("site", "manager", "site.title", LANGS, false)),
            Map.entry("/manager/schedule", new Page("schedule", "manager", "schedule.title", LANGS, false)),
            Map.entry("/admin", new Page("admin", "admin", "admin.title", LANGS, false)),
            Map.entry("/display", new Page("display", "display", "display.title", CLOCK, false)),
            Map.entry("/display/counter", new Page("counter", "display", "counter.title", "", true)),
            Map.entry("/t", new Page("ticket", "phone", "ticket.title", LANGS, true)),
            // the public booking page: a phone first, a desktop too
            Map.entry("/book", new Page("book", "phone book", "book.title", LANGS, false)),
            Map.entry("/hardware", new Page("hardware", "hardware", "hardware.title", LANGS, false)));

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
    private final Map<String, byte[]> pages = new java.util.HashMap<>();

    @Activate
    void activate(BundleContext context) throws IOException {
        this.context = context;
        // the bundle's files change only with the bundle: its last update is their date
        this.modified = context.getBundle().getLastModified() / 1000 * 1000;
        String template;
        try (InputStream in = context.getBundle().getEntry("/web/page.html").openStream()) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        PAGES.forEach((path, p) -> pages.put(path, template.replace("{script}", p.script()).replace("{class}", p.bodyClass())
                .replace("{title}", p.title()).replace("{header}", p.header()).replace("{live}", p.live() ? " aria-live=\"polite\"" : "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String servletPath = req.getServletPath();
        String info = req.getPathInfo();
        byte[] page = null;
        URL url = null;
        String type = TYPES.get("html");
        if (servletPath.equals("/ui")) {
            String file = info == null || info.contains("..") || info.contains("//") || info.contains("\\") ? null : "/web/ui" + info;
            url = file == null ? null : context.getBundle().getEntry(file);
            type = file == null ? null : TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        } else if (servletPath.equals("/hardware")) {
            // the list at /hardware, one device at /hardware/<id>: one page reading the address
            page = info == null || info.equals("/") || (info.length() > 1 && info.indexOf('/', 1) < 0) ? pages.get(servletPath) : null;
        } else if (servletPath.equals("/t") || servletPath.equals("/display/counter")) {
            // one page for every ticket (counter); the page reads its id from the address
            page = info == null || info.length() < 2 || info.indexOf('/', 1) >= 0 ? null : pages.get(servletPath);
        } else {
            page = info == null || info.equals("/") ? pages.get(servletPath) : null;
        }
        if ((page == null && url == null) || type == null) {
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
        byte[] bytes = page;
        if (bytes == null) {
            try (InputStream in = url.openStream()) {
                bytes = in.readAllBytes();
            }
        }
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
