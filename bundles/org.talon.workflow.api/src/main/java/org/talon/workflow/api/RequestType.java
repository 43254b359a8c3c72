package org.talon.workflow.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kind of request a branch takes, as configured: its form, its SLA, who may work on it and how
 * it ends.
 *
 * @param branch       the branch that takes it; {@code *} for every branch of the network
 * @param code         its code, e.g. {@code passport}
 * @param names        its name per language
 * @param fields       its form, in order
 * @param sla          how much business time (the branch's opening hours) it may take from registration to ready or done
 * @param warnShare    the share of the SLA after which it is marked as at risk, e.g. 0.8
 * @param skills       the skills a staff member needs to work on it (all of them)
 * @param priority     its priority among open requests; higher first
 * @param pickup       whether it ends with the customer collecting the result at the branch
 * @param pickupService the queue service whose ticket a customer takes to collect it, or null
 * @param question     whether it is a consultation: customer and staff exchange messages
 */
public record RequestType(String branch, String code, Map<String, String> names, List<RequestField> fields, Duration sla, double warnShare,
        Set<String> skills, int priority, boolean pickup, String pickupService, boolean question) {

    /** The branch value that makes a type the whole network's. */
    public static final String NETWORK = "*";

    public RequestType {
        names = names == null ? Map.of() : Map.copyOf(names);
        fields = fields == null ? List.of() : List.copyOf(fields);
        skills = skills == null ? Set.of() : Set.copyOf(skills);
    }

    /** Its name in a language, else in English, else its code. */
    public String name(String language) {
        String n = names.get(language);
        if (n == null) n = names.get("en");
        return n == null ? code : n;
    }

    /** A field by its name, or null. */
    public RequestField field(String name) {
        for (RequestField f : fields) {
            if (f.name().equals(name)) return f;
        }
        return null;
    }
}
