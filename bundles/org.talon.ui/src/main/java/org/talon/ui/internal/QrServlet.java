package org.talon.ui.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The QR code of a ticket's phone page, as SVG: {@code /ui/qr.svg?t={publicId}} encodes
 * {@code <public address>/t/{publicId}}. Made here with ZXing, so the kiosk needs no library.
 */
@Component(service = Servlet.class, configurationPid = QrServlet.PID, property = {
    "osgi.http.whiteboard.servlet.pattern=/ui/qr.svg",
    "osgi.http.whiteboard.servlet.name=talon-ui-qr"})
@Designate(ocd = QrServlet.Config.class)
public final class QrServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PID = "org.talon.ui";

    @ObjectClassDefinition(name = "Talon web UIs", description = "Settings of the kiosk, display and ticket pages")
    public @interface Config {
        @AttributeDefinition(description = "The address customers' phones reach Talon at, e.g. https://queue.example.org;"
                + " empty: the address the kiosk itself uses")
        String publicUrl() default "";
    }

    private volatile String publicUrl = "";

    @Activate
    @Modified
    void configure(Config c) {
        String u = c.publicUrl() == null ? "" : c.publicUrl().strip();
        publicUrl = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getParameter("t");
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            resp.sendError(400, "t: the ticket's public id (letters, digits, - and _)");
            return;
        }
        String base = publicUrl.isEmpty() ? req.getScheme() + "://" + req.getHeader("Host") : publicUrl;
        byte[] svg;
        try {
            svg = svg(base + "/t/" + id).getBytes(StandardCharsets.UTF_8);
        } catch (WriterException e) {
            resp.sendError(400, "cannot encode this address as a QR code");
            return;
        }
        resp.setContentType("image/svg+xml");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "private, max-age=86400");
        resp.setContentLength(svg.length);
        resp.getOutputStream().write(svg);
    }

    /** One path of unit squares: small, and sharp at any size. */
    static String svg(String text) throws WriterException {
        BitMatrix m = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                        EncodeHintType.CHARACTER_SET, "UTF-8"));
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                + d + "\"/></svg>";
    }
}
