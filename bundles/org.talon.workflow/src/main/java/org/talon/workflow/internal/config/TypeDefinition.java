package org.talon.workflow.internal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.workflow.api.RequestField;
import org.talon.workflow.api.RequestType;

/**
 * A request type, from {@code org.talon.workflow.type-<branch>-<code>.cfg}. Besides the
 * attributes below, the file names the type per language ({@code name.en}, {@code name.pl}, …),
 * describes each field of {@code fields} as {@code field.<name> = <KIND> [required] [max=<n>]
 * [min=<n>] [choices=<a>|<b>] [pattern=<regex>]} and labels it per language
 * ({@code field.<name>.en}); {@code pattern=} takes the rest of its line.
 */
@Component(service = SiteElement.class, configurationPid = TypeDefinition.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TypeDefinition.Config.class, factory = true)
public final class TypeDefinition implements SiteElement {
    public static final String PID = "org.talon.workflow.type";
    static final int DEFAULT_TEXT = 200;

    @ObjectClassDefinition(name = "Talon request type", description = "A kind of request a branch takes: its form, its SLA in business hours, the skills it needs, how it ends")
    public @interface Config {
        @AttributeDefinition(description = "The branch's id, e.g. demo; * for every branch of the network")
        String branch();

        @AttributeDefinition(description = "Its code, e.g. passport")
        String code();

        @AttributeDefinition(description = "Its form's fields in order, comma separated; each described by field.<name> (kind, required, limits) and labelled by field.<name>.<language>")
        String fields() default "";

        @AttributeDefinition(description = "How many business hours (the branch's opening hours) it may take from registration to ready or done")
        int slaHours() default 40;

        @AttributeDefinition(description = "The share of the SLA, in per cent, after which it is marked as at risk")
        int warnPercent() default 80;

        @AttributeDefinition(description = "The skills a staff member needs to work on it, comma separated")
        String skills() default "";

        @AttributeDefinition(description = "Its priority among open requests; higher ones are assigned first")
        int priority() default 0;

        @AttributeDefinition(description = "Whether it ends with the customer collecting the result at the branch")
        boolean pickup() default false;

        @AttributeDefinition(description = "The queue service whose ticket a customer takes at the kiosk to collect it, e.g. B")
        String pickupService() default "";

        @AttributeDefinition(description = "Whether it is a consultation: the customer and staff exchange messages")
        boolean question() default false;
    }

    private final RequestType type;

    @Activate
    public TypeDefinition(Config c, Map<String, Object> props) {
        String branch = c.branch() == null || !c.branch().strip().equals(RequestType.NETWORK) ? Check.id(c.branch(), "branch", PID) : RequestType.NETWORK;
        String code = Check.id(c.code(), "code", PID);
        String where = PID + " " + code + ": ";
        Map<String, String> names = withPrefix(props, "name.");
        List<RequestField> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : Check.list(c.fields())) {
            if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,39}")) throw new IllegalArgumentException(where + "'" + name + "' is not a field name (letters, digits, _)");
            if (!seen.add(name)) throw new IllegalArgumentException(where + "field " + name + " is named twice");
            Object spec = props.get("field." + name);
            if (spec == null) throw new IllegalArgumentException(where + "field " + name + " has no field." + name + " = <KIND> ...");
            fields.add(field(where, name, spec.toString(), withPrefix(props, "field." + name + ".")));
        }
        int pct = c.warnPercent();
        if (pct < 1 || pct > 100) throw new IllegalArgumentException(where + "'warnPercent' is 1 to 100, not " + pct);
        boolean pickup = c.pickup();
        String pickupService = c.pickupService().isBlank() ? null : c.pickupService().strip();
        this.type = new RequestType(branch, code, names.isEmpty() ? Map.of("en", code) : names, fields,
                Duration.ofHours(Check.atLeast(c.slaHours(), 1, "slaHours", PID)), pct / 100.0, Set.copyOf(Check.list(c.skills())), c.priority(),
                pickup, pickupService, c.question());
    }

    /** A field from its line, e.g. {@code TEXT required max=60} or {@code CHOICE required choices=lost|expired}. */
    static RequestField field(String where, String name, String spec, Map<String, String> labels) {
        String line = spec.strip();
        String pattern = null;
        int p = line.indexOf("pattern=");
        if (p >= 0) {
            pattern = line.substring(p + "pattern=".length()).strip();
            line = line.substring(0, p).strip();
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + "field " + name + ": the pattern is not a regular expression: " + e.getDescription(), e);
            }
        }
        String[] parts = line.split("\\s+");
        RequestField.Kind kind;
        try {
            kind = RequestField.Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "field " + name + ": the kind is TEXT, NUMBER, DATE or CHOICE, not " + parts[0], e);
        }
        boolean required = false;
        int maxLength = DEFAULT_TEXT;
        Long min = null;
        Long max = null;
        List<String> choices = List.of();
        for (int i = 1; i < parts.length; i++) {
            String t = parts[i];
            try {
                if (t.equalsIgnoreCase("required")) required = true;
                else if (t.startsWith("max=")) {
                    if (kind == RequestField.Kind.TEXT) maxLength = Integer.parseInt(t.substring(4));
                    else max = Long.parseLong(t.substring(4));
                } else if (t.startsWith("min=")) min = Long.parseLong(t.substring(4));
                else if (t.startsWith("choices=")) choices = List.of(t.substring(8).split("\\|"));
                else throw new IllegalArgumentException(where + "field " + name + ": '" + t + "' is none of required, max=, min=, choices=, pattern=");
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "field " + name + ": '" + t + "' needs a whole number", e);
            }
        }
        if (kind == RequestField.Kind.CHOICE && choices.isEmpty()) throw new IllegalArgumentException(where + "field " + name + " is a CHOICE without choices=");
        if (maxLength < 1 || maxLength > 2000) throw new IllegalArgumentException(where + "field " + name + ": max is 1 to 2000 characters");
        return new RequestField(name, kind, required, labels, choices, maxLength, min, max, pattern);
    }

    /** The entries {@code <prefix><language>} whose language is two letters. */
    static Map<String, String> withPrefix(Map<String, Object> props, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : props.entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            String lang = e.getKey().substring(prefix.length());
            if (lang.matches("[a-z]{2}") && e.getValue() != null && !e.getValue().toString().isBlank()) out.put(lang, e.getValue().toString().strip());
        }
        return out;
    }

    @Override
    public String branch() {
        return type.branch();
    }

    public RequestType type() {
        return type;
    }
}
