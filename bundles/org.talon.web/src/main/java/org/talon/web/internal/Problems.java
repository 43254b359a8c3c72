package org.talon.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;
import org.talon.web.api.ApiProblem;

/**
 * Writes errors as {@code application/problem+json} (RFC 9457). {@code status} and {@code type}
 * are for programs; {@code title} and {@code detail} are for people, in the caller's language.
 */
final class Problems {
    private Problems() {
    }

    /**
     * Writes a problem in {@code locale}: the title by its status (for a problem of any bundle),
     * the detail by its key for the web bundle's own problems; another bundle's detail as it gave it.
     */
    static void write(ObjectMapper json, HttpServletResponse resp, ApiProblem problem, Locale locale, String instance)
            throws IOException {
        String detail = problem instanceof WebProblem w ? w.detail(locale) : problem.detail();
        write(json, resp, problem.status(), Messages.title(locale, problem.status(), problem.title()), detail, instance, problem.invalidParams());
    }

    static void write(ObjectMapper json, HttpServletResponse resp, int status, String title, String detail,
            String instance) throws IOException {
        write(json, resp, status, title, detail, instance, java.util.List.of());
    }

    private static void write(ObjectMapper json, HttpServletResponse resp, int status, String title, String detail,
            String instance, java.util.List<ApiProblem.InvalidParam> invalid) throws IOException {
        if (resp.isCommitted()) return;
        resp.resetBuffer();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", instance);
        if (!invalid.isEmpty()) p.put("invalid-params", invalid);
        resp.setStatus(status);
        resp.setContentType("application/problem+json");
        resp.setCharacterEncoding("UTF-8");
        byte[] bytes = json.writeValueAsBytes(p);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
