package org.talon.notify.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.talon.event.api.privacy.ContactAddress;

/**
 * A message to one person, rendered from a template in their language when it is sent.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by its
 * accessors. Fields are added in minor versions of this package, so code that builds or reads it
 * keeps working; a field not set is {@code null} (an empty map for {@link #params()}).
 *
 * <pre>{@code
 * Notification n = Notification.builder().key("booking:" + id + ":reminder").branch("demo")
 *         .recipient(ContactAddress.parse("+48600100200")).recipientName("Anna")
 *         .template("booking.reminder").language("pl")
 *         .param("code", "K7MRT4").param("start", "8 grudnia, 09:00").param("service", "General")
 *         .notBefore(start.minus(Duration.ofHours(24))).build();
 * }</pre>
 */
public final class Notification {
    private final String key;
    private final String branch;
    private final ContactAddress recipient;
    private final String recipientName;
    private final String template;
    private final String language;
    private final Map<String, String> params;
    private final CalendarEntry calendar;
    private final Instant notBefore;

    private Notification(Builder b) {
        this.key = b.key;
        this.branch = b.branch;
        this.recipient = b.recipient;
        this.recipientName = b.recipientName;
        this.template = b.template;
        this.language = b.language;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        this.calendar = b.calendar;
        this.notBefore = b.notBefore;
    }

    /** Groups messages for {@link Notifications#cancel}, e.g. {@code booking:<id>:reminder}; not unique. At most 200 characters. */
    public String key() {
        return key;
    }

    /** The branch the message is about (its id). */
    public String branch() {
        return branch;
    }

    /** Where it goes: a phone number is sent by the {@code sms} channel, an e-mail address by {@code email}. */
    public ContactAddress recipient() {
        return recipient;
    }

    /** The person's name, or {@code null}; the templates' {@code {name}}. */
    public String recipientName() {
        return recipientName;
    }

    /** The template, e.g. {@code booking.confirmed}, {@code booking.reminder}, {@code ticket.near}. */
    public String template() {
        return template;
    }

    /** The language tag: {@code en}, {@code ru} or {@code pl}; any other (or {@code null}) gets English. */
    public String language() {
        return language;
    }

    /**
     * The values of the template's placeholders by name (e.g. {@code code}, {@code service},
     * {@code start}, {@code branch}, {@code counter}, {@code number}, {@code position},
     * {@code link}); texts as they are to be shown, dates already formatted for the person.
     */
    public Map<String, String> params() {
        return params;
    }

    /** The appointment an e-mail attaches as {@code invite.ics}, or {@code null}. */
    public CalendarEntry calendar() {
        return calendar;
    }

    /** Not sent before this time (a reminder), or {@code null}: as soon as possible. */
    public Instant notBefore() {
        return notBefore;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.key = key;
        b.branch = branch;
        b.recipient = recipient;
        b.recipientName = recipientName;
        b.template = template;
        b.language = language;
        b.params.putAll(params);
        b.calendar = calendar;
        b.notBefore = notBefore;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Notification)) return false;
        Notification other = (Notification) o;
        return Objects.equals(key, other.key)
                && Objects.equals(branch, other.branch)
                && Objects.equals(recipient, other.recipient)
                && Objects.equals(recipientName, other.recipientName)
                && Objects.equals(template, other.template)
                && Objects.equals(language, other.language)
                && Objects.equals(params, other.params)
                && Objects.equals(calendar, other.calendar)
                && Objects.equals(notBefore, other.notBefore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, branch, recipient, recipientName, template, language, params, calendar, notBefore);
    }

    /** Names the recipient masked only: a log line never carries contact data. */
    @Override
    public String toString() {
        return "Notification[key=" + key + ", branch=" + branch + ", recipient=" + (recipient == null ? null : recipient.masked())
                + ", template=" + template + ", language=" + language + ", params=" + params.keySet() + ", calendar="
                + (calendar == null ? null : calendar.uid()) + ", notBefore=" + notBefore + "]";
    }

    /** Sets the fields of a {@link Notification}; {@link #build()} makes it. */
    public static final class Builder {
        private String key;
        private String branch;
        private ContactAddress recipient;
        private String recipientName;
        private String template;
        private String language;
        private final Map<String, String> params = new LinkedHashMap<>();
        private CalendarEntry calendar;
        private Instant notBefore;

        private Builder() {
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder recipient(ContactAddress recipient) {
            this.recipient = recipient;
            return this;
        }

        public Builder recipientName(String recipientName) {
            this.recipientName = recipientName;
            return this;
        }

        public Builder template(String template) {
            this.template = template;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /** Replaces the placeholders' values with these ({@code null} values are left out). */
        public Builder params(Map<String, String> params) {
            this.params.clear();
            if (params != null) params.forEach(this::param);
            return this;
        }

        /** Sets one placeholder's value; {@code null} removes it. */
        public Builder param(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (value == null) params.remove(name);
            else params.put(name, value);
            return this;
        }

        public Builder calendar(CalendarEntry calendar) {
            this.calendar = calendar;
            return this;
        }

        public Builder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        /**
         * The notification.
         *
         * @throws IllegalArgumentException without a key (1 to 200 characters), a branch, a
         *         recipient or a template
         */
        public Notification build() {
            if (key == null || key.isBlank() || key.length() > 200) throw new IllegalArgumentException("a notification needs a key of 1 to 200 characters");
            if (branch == null || branch.isBlank()) throw new IllegalArgumentException("a notification needs a branch");
            if (recipient == null) throw new IllegalArgumentException("a notification needs a recipient");
            if (template == null || template.isBlank()) throw new IllegalArgumentException("a notification needs a template");
            return new Notification(this);
        }
    }
}
