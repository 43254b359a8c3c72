package org.talon.workflow.api;

import java.util.Map;

/**
 * What registers a request.
 *
 * @param branch      the branch that is to carry it
 * @param type        its type's code
 * @param fields      the form's values by field name (checked against the type: every wrong one is named)
 * @param name        the customer's name
 * @param phone       the customer's phone, or null
 * @param email       the customer's e-mail address, or null (one of the two is needed)
 * @param language    the language the customer is told in, or null for the branch's first
 * @param intake      where it came in
 * @param by          the staff login that registers it, or null for the customer on the web
 * @param visitTicket the id of the ticket of the visit it comes from at a counter, 0 for none
 */
public record NewRequest(String branch, String type, Map<String, String> fields, String name, String phone, String email, String language,
        Intake intake, String by, long visitTicket) {
    public NewRequest {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
