package org.talon.queue.api;

import java.util.List;

/**
 * Which queues a counter calls, in what order, by which rule.
 *
 * @param branch     branch id
 * @param id         profile id
 * @param rule       how to choose among the entries
 * @param entries    the queues, in order
 * @param conditions checked before the rule, in order
 */
public record WorkProfile(String branch, String id, CallRule rule, List<ProfileEntry> entries,
        List<CallCondition> conditions) {
    public WorkProfile {
        entries = List.copyOf(entries);
        conditions = List.copyOf(conditions);
    }
}
