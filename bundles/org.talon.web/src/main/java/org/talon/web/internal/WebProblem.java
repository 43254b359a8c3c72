package org.talon.web.internal;

import java.util.Locale;
import org.talon.web.api.ApiProblem;

/**
 * A refusal of the web bundle, kept as a text key and its arguments so that it is written in
 * the caller's language; its own title and message (what logs and the console see) are English.
 */
public class WebProblem extends ApiProblem {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;
    private int retryAfterSeconds;

    public WebProblem(int status, String key, Object... args) {
        super(status, Messages.text(Locale.ROOT, "title." + status), Messages.text(Locale.ROOT, key, args));
        this.key = key;
        this.args = args.clone();
    }

    /** Tells the client to come back after this many seconds (a {@code Retry-After} header). */
    WebProblem retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String key() {
        return key;
    }

    /** The detail in this language. */
    public String detail(Locale locale) {
        return args == null ? detail() : Messages.text(locale, key, args);
    }
}
