package org.talon.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/** Writes errors as {@code application/problem+json} (RFC 9457). */
final class Problems {
    private Problems() {
    }

    static void write(ObjectMapper json, HttpServletResponse resp, int status, String title, String detail,
            String instance) throws IOException {
        if (resp.isCommitted()) return;
        resp.resetBuffer();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", instance);
        resp.setStatus(status);
        resp.setContentType("application/problem+json");
        resp.setCharacterEncoding("UTF-8");
        byte[] bytes = json.writeValueAsBytes(p);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
