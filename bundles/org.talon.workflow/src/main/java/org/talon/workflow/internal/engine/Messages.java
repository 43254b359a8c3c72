package org.talon.workflow.internal.engine;

import java.util.List;
import java.util.Locale;
import org.talon.event.api.text.Texts;
import org.talon.workflow.api.WorkflowException;
import org.talon.workflow.api.WorkflowException.FieldError;
import org.talon.workflow.api.WorkflowException.Reason;

/**
 * The workflow bundle's user-visible texts, from {@code org/talon/workflow/internal/messages*.properties}
 * (en, ru, pl), and its refusals in those texts.
 */
public final class Messages {
    public static final Texts TEXTS = Texts.of(Messages.class, "org.talon.workflow.internal.messages");

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        return TEXTS.text(locale, key, args);
    }

    /** A refusal's message in a language. */
    public static String localized(WorkflowException e, Locale locale) {
        if (e.key() == null) return e.getMessage();
        String t = text(locale, e.key(), e.args().toArray());
        return t.equals(e.key()) ? e.getMessage() : t;
    }

    /** A wrong field's message in a language. */
    public static String localized(FieldError f, Locale locale) {
        return text(locale, f.key(), f.args().toArray());
    }

    /** A refusal whose English message comes from the texts. */
    public static WorkflowException refuse(Reason reason, String key, Object... args) {
        return new WorkflowException(reason, key, text(Locale.ROOT, key, args), List.of(), args);
    }

    public static FieldError field(String field, String key, Object... args) {
        return new FieldError(field, key, List.of(args), text(Locale.ROOT, key, args));
    }
}
