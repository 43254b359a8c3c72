package org.talon.web.api;

/**
 * A refusal a route throws; the client receives it as {@code application/problem+json}
 * (RFC 9457) with this status, title and detail.
 */
public class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final java.util.List<InvalidParam> invalidParams;

    /**
     * One wrong value of a request, as RFC 9457's {@code invalid-params} extension names it: the
     * parameter or field and what is wrong with it, in the caller's language (since 2.1).
     */
    public record InvalidParam(String name, String reason) {
    }

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, java.util.List.of());
    }

    /**
     * A refusal that names each wrong value (since 2.1): the answer carries them as
     * {@code invalid-params}, e.g. {@code [{"name": "birthDate", "reason": "not a date"}]}.
     */
    public ApiProblem(int status, String title, String detail, java.util.List<InvalidParam> invalidParams) {
        super(detail);
        this.status = status;
        this.title = title;
        this.invalidParams = invalidParams == null ? java.util.List.of() : java.util.List.copyOf(invalidParams);
    }

    /** The wrong values it names, each with what is wrong; empty for most refusals (since 2.1). */
    public java.util.List<InvalidParam> invalidParams() {
        return invalidParams;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
