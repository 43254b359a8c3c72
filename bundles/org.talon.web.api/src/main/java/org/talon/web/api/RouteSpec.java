package org.talon.web.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a route answers and who may call it; the OpenAPI document is made from these. Since 2.0 a
 * class with a builder (a record before), so that it can grow: {@link #of} is the short form.
 */
public final class RouteSpec {
    private final String method;
    private final String path;
    private final Set<Role> roles;
    private final Class<?> requestType;
    private final Class<?> responseType;
    private final boolean responseList;
    private final String summary;
    private final int status;
    private final String produces;
    private final Map<Integer, String> answers;

    private RouteSpec(Builder b) {
        this.method = Objects.requireNonNull(b.method, "method");
        this.path = Objects.requireNonNull(b.path, "path");
        this.roles = Set.copyOf(Objects.requireNonNull(b.roles, "roles"));
        this.requestType = b.requestType;
        this.responseType = b.responseType;
        this.responseList = b.responseList;
        this.summary = b.summary == null ? "" : b.summary;
        this.status = b.status;
        this.produces = b.produces;
        this.answers = Map.copyOf(b.answers);
    }

    /**
     * A route answering JSON.
     *
     * @param method       HTTP method, e.g. {@code POST}
     * @param path         path template below {@code /api/v1}, e.g. {@code /branches/{branch}/tickets}
     * @param roles        roles allowed; {@link Role#PUBLIC} allows everyone; {@link Role#ADMIN} is always allowed
     * @param requestType  type of the JSON body, or {@code null} for none
     * @param responseType type of the JSON answer, or {@code null} for none
     * @param summary      one line for the API documentation
     */
    public static RouteSpec of(String method, String path, Set<Role> roles, Class<?> requestType, Class<?> responseType,
            String summary) {
        return builder(method, path).roles(roles).requestType(requestType).responseType(responseType).summary(summary).build();
    }

    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    public Builder toBuilder() {
        Builder b = new Builder(method, path).roles(roles).requestType(requestType).responseType(responseType).summary(summary)
                .status(status).produces(produces);
        b.responseList = responseList;
        b.answers.putAll(answers);
        return b;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** Type of the JSON body, or {@code null} for none. */
    public Class<?> requestType() {
        return requestType;
    }

    /** Type of the JSON answer, or {@code null} for none (or an answer that is not JSON). */
    public Class<?> responseType() {
        return responseType;
    }

    /** Whether the JSON answer is a list of {@link #responseType()}. */
    public boolean responseList() {
        return responseList;
    }

    public String summary() {
        return summary;
    }

    /** The status of a successful answer (200 unless set, e.g. 201 for a route that creates). */
    public int status() {
        return status;
    }

    /** The content type of a successful answer: {@code application/json} unless set. */
    public String produces() {
        return produces;
    }

    /**
     * Other answers the route documents, status to when they come: a second success (201 when a
     * PUT created what was not there) or its refusals (404 for an unknown id, 409 for a conflict).
     * The platform adds its own (400 for a bad body, 401, 403, 503).
     */
    public Map<Integer, String> answers() {
        return answers;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteSpec s && s.method.equals(method) && s.path.equals(path) && s.roles.equals(roles)
                && Objects.equals(s.requestType, requestType) && Objects.equals(s.responseType, responseType) && s.responseList == responseList
                && s.summary.equals(summary) && s.status == status && s.produces.equals(produces) && s.answers.equals(answers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, roles, requestType, responseType, responseList, summary, status, produces, answers);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    public static final class Builder {
        private final String method;
        private final String path;
        private Set<Role> roles = Set.of(Role.ADMIN);
        private Class<?> requestType;
        private Class<?> responseType;
        private boolean responseList;
        private String summary;
        private int status = 200;
        private String produces = "application/json";
        private final Map<Integer, String> answers = new TreeMap<>();

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder roles(Set<Role> roles) {
            this.roles = roles;
            return this;
        }

        public Builder roles(Role... roles) {
            this.roles = Set.of(roles);
            return this;
        }

        public Builder requestType(Class<?> type) {
            this.requestType = type;
            return this;
        }

        public Builder responseType(Class<?> type) {
            this.responseType = type;
            return this;
        }

        /** The JSON answer is a list of this type. */
        public Builder responseList(Class<?> itemType) {
            this.responseType = itemType;
            this.responseList = true;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        public Builder produces(String contentType) {
            this.produces = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        /** Documents another answer: its status and when it comes, e.g. {@code answer(404, "no such ticket")}. */
        public Builder answer(int status, String when) {
            answers.put(status, Objects.requireNonNull(when, "when"));
            return this;
        }

        public RouteSpec build() {
            return new RouteSpec(this);
        }
    }
}
