package org.talon.workflow.internal.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.queue.api.Branch;
import org.talon.workflow.api.NewRequest;
import org.talon.workflow.api.RequestField;
import org.talon.workflow.api.RequestType;
import org.talon.workflow.api.WorkflowException;
import org.talon.workflow.api.WorkflowException.FieldError;
import org.talon.workflow.api.WorkflowException.Reason;

/**
 * Checks a new request against its type's form and the contact rules, naming every wrong value
 * at once, and gives the values in their stored form (stripped, numbers and dates as written
 * canonically, contacts normalized).
 */
final class Validation {
    static final int MAX_NAME = 100;
    /** The most a form's values may hold in all (they are stored as one JSON text). */
    static final int MAX_FORM = 6000;

    record Checked(Map<String, String> fields, String name, String phone, String email, String language) {
    }

    Checked check(RequestType type, NewRequest n, Branch branch) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (String given : n.fields().keySet()) {
            if (type.field(given) == null) errors.add(Messages.field(given, "field.unknown", given, type.code()));
        }
        int size = 0;
        for (RequestField f : type.fields()) {
            String raw = n.fields().get(f.name());
            String v = raw == null ? "" : raw.strip();
            if (v.isEmpty()) {
                if (f.required()) errors.add(Messages.field(f.name(), "field.required", f.label("en")));
                continue;
            }
            String value = value(f, v, errors);
            if (value != null) {
                out.put(f.name(), value);
                size += f.name().length() + value.length() + 6;
            }
        }
        if (size > MAX_FORM) errors.add(Messages.field("fields", "form.tooLong", MAX_FORM));
        String name = n.name() == null ? "" : n.name().strip();
        if (name.isEmpty()) errors.add(Messages.field("contact.name", "contact.noName"));
        else if (name.length() > MAX_NAME) errors.add(Messages.field("contact.name", "contact.nameTooLong", MAX_NAME));
        String phone = contact(n.phone(), ContactAddress.Kind.PHONE, "contact.phone", errors);
        String email = contact(n.email(), ContactAddress.Kind.EMAIL, "contact.email", errors);
        boolean badContact = errors.stream().anyMatch(e -> e.field().equals("contact.phone") || e.field().equals("contact.email"));
        if (phone == null && email == null && !badContact) errors.add(Messages.field("contact.phone", "contact.none"));
        if (!errors.isEmpty()) {
            String english = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
            throw new WorkflowException(Reason.INVALID, "form.invalid", Messages.text(Locale.ROOT, "form.invalid", errors.size()) + " " + english,
                    errors, errors.size());
        }
        return new Checked(out, name, phone, email, language(branch, n.language()));
    }

    private static String value(RequestField f, String v, List<FieldError> errors) {
        switch (f.kind()) {
            case TEXT -> {
                if (v.length() > f.maxLength()) {
                    errors.add(Messages.field(f.name(), "field.tooLong", f.label("en"), f.maxLength()));
                    return null;
                }
                if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(v).matches()) {
                    errors.add(Messages.field(f.name(), "field.pattern", f.label("en"), v));
                    return null;
                }
                return v;
            }
            case NUMBER -> {
                long x;
                try {
                    x = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    errors.add(Messages.field(f.name(), "field.notANumber", f.label("en"), v));
                    return null;
                }
                if ((f.min() != null && x < f.min()) || (f.max() != null && x > f.max())) {
                    errors.add(Messages.field(f.name(), "field.range", f.label("en"), v, f.min() == null ? "-" : f.min(), f.max() == null ? "-" : f.max()));
                    return null;
                }
                return Long.toString(x);
            }
            case DATE -> {
                try {
                    return LocalDate.parse(v).toString();
                } catch (DateTimeParseException e) {
                    errors.add(Messages.field(f.name(), "field.notADate", f.label("en"), v));
                    return null;
                }
            }
            case CHOICE -> {
                if (!f.choices().contains(v)) {
                    errors.add(Messages.field(f.name(), "field.notAChoice", f.label("en"), v, String.join(", ", f.choices())));
                    return null;
                }
                return v;
            }
            default -> throw new IllegalStateException(f.kind().name());
        }
    }

    private static String contact(String text, ContactAddress.Kind kind, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        String key = kind == ContactAddress.Kind.PHONE ? "contact.badPhone" : "contact.badEmail";
        try {
            ContactAddress a = ContactAddress.parse(text);
            if (a.kind() == kind) return a.value();
        } catch (IllegalArgumentException e) {
            // named below
        }
        errors.add(Messages.field(field, key, text.strip()));
        return null;
    }

    private static String language(Branch branch, String asked) {
        List<Locale> served = branch.locales();
        if (asked != null) {
            for (Locale l : served) {
                if (l.getLanguage().equalsIgnoreCase(asked.strip())) return l.getLanguage();
            }
        }
        return served.isEmpty() ? "en" : served.get(0).getLanguage();
    }
}
