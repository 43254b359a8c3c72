package org.talon.queue.api;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A service hall. Ticket numbers restart every day at midnight in its {@link #zone()}.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those), unless its accessor says otherwise.
 */
public final class Branch {
    private final String id;
    private final String name;
    private final Map<String, String> names;
    private final ZoneId zone;
    private final List<Locale> locales;
    private final boolean priorityAtKiosk;
    private final org.talon.queue.api.calendar.BranchCalendar calendar;

    private Branch(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.names = b.names == null ? Map.of() : Map.copyOf(b.names);
        this.zone = b.zone;
        this.locales = b.locales == null ? List.of() : List.copyOf(b.locales);
        this.priorityAtKiosk = b.priorityAtKiosk;
        this.calendar = b.calendar != null ? b.calendar
                : org.talon.queue.api.calendar.BranchCalendar.builder().zone(b.zone).build();
    }

    /** Short id used in URLs and on the console, e.g. {@code demo}. */
    public String id() {
        return id;
    }

    /** Name shown to people: the one for every language without a name of its own. */
    public String name() {
        return name;
    }

    /** The name per language tag, where one is configured ({@code name.pl = Oddział Centrum}); see {@link #name(String)}. */
    public Map<String, String> names() {
        return names;
    }

    /** The branch's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** Languages the branch serves; the first is the default. */
    public List<Locale> locales() {
        return locales;
    }

    /** Whether a customer may ask for a priority ticket at a kiosk (else only staff issue them); {@code true} unless set. */
    public boolean priorityAtKiosk() {
        return priorityAtKiosk;
    }

    /**
     * When the branch is open: hours per weekday, breaks, holidays, exceptions, in its zone
     * (since 3.1); a calendar with no hours when none are configured, never {@code null}.
     */
    public org.talon.queue.api.calendar.BranchCalendar calendar() {
        return calendar;
    }

    /** The name in the given language, else {@link #name()}. */
    public String name(String language) {
        String n = language == null ? null : names.get(language);
        return n == null ? name : n;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.name = name;
        b.names = names;
        b.zone = zone;
        b.locales = locales;
        b.priorityAtKiosk = priorityAtKiosk;
        b.calendar = calendar;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Branch)) return false;
        Branch other = (Branch) o;
        return Objects.equals(id, other.id)
                && Objects.equals(name, other.name)
                && Objects.equals(names, other.names)
                && Objects.equals(zone, other.zone)
                && Objects.equals(locales, other.locales)
                && priorityAtKiosk == other.priorityAtKiosk
                && Objects.equals(calendar, other.calendar);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, names, zone, locales, priorityAtKiosk, calendar);
    }

    @Override
    public String toString() {
        return "Branch[id=" + id + ", name=" + name + ", names=" + names + ", zone=" + zone + ", locales=" + locales + ", priorityAtKiosk=" + priorityAtKiosk + ", calendar=" + calendar + "]";
    }

    /** Sets the fields of a {@link Branch}; {@link #build()} makes it. */
    public static final class Builder {
        private String id;
        private String name;
        private Map<String, String> names;
        private ZoneId zone;
        private List<Locale> locales;
        private boolean priorityAtKiosk = true;
        private org.talon.queue.api.calendar.BranchCalendar calendar;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder names(Map<String, String> names) {
            this.names = names;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder locales(List<Locale> locales) {
            this.locales = locales;
            return this;
        }

        public Builder priorityAtKiosk(boolean priorityAtKiosk) {
            this.priorityAtKiosk = priorityAtKiosk;
            return this;
        }

        /** When it is open (since 3.1); left out: a calendar with no hours in the branch's zone. */
        public Builder calendar(org.talon.queue.api.calendar.BranchCalendar calendar) {
            this.calendar = calendar;
            return this;
        }

        public Branch build() {
            Objects.requireNonNull(id, "id");
            return new Branch(this);
        }
    }
}
