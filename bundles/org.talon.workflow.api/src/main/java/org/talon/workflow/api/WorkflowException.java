package org.talon.workflow.api;

import java.util.List;

/**
 * A workflow command was refused. {@link #reason()} says why in a form a program can act on;
 * {@link #key()} and {@link #args()} let a user interface show the message in the user's language
 * (the workflow bundle's texts); {@link #getMessage()} is the English text. A form refused for
 * its values names every wrong field in {@link #fields()}.
 */
public class WorkflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a workflow command was refused. */
    public enum Reason {
        /** No such branch, request type, request or staff member (or the id and contact do not match). */
        NOT_FOUND,
        /** The request itself is wrong: see {@link WorkflowException#fields()} for a form's values. */
        INVALID,
        /** The request is not in a state that allows the action. */
        ILLEGAL_STATE,
        /** The staff member lacks a skill the type needs, or is not the one who holds the request. */
        NOT_ALLOWED,
        /** The database could not store the change; nothing was stored. */
        UNAVAILABLE
    }

    /**
     * One wrong value of a form.
     *
     * @param field   the field's name
     * @param key     the message's key in the workflow bundle's texts
     * @param args    the message's arguments
     * @param message the English message
     */
    public record FieldError(String field, String key, List<Object> args, String message) {
        public FieldError {
            args = List.copyOf(args);
        }
    }

    private final Reason reason;
    private final String key;
    private final List<Object> args;
    private final List<FieldError> fields;

    public WorkflowException(Reason reason, String key, String englishMessage, List<FieldError> fields, Object... args) {
        super(englishMessage);
        this.reason = reason;
        this.key = key;
        this.args = List.of(args);
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Reason reason() {
        return reason;
    }

    /** Message key in the workflow bundle's texts. */
    public String key() {
        return key;
    }

    /** Message arguments, in the order the key's pattern uses them. */
    public List<Object> args() {
        return args;
    }

    /** The wrong values of a form, each with its field; empty for any other refusal. */
    public List<FieldError> fields() {
        return fields;
    }
}
