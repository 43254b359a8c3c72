package org.talon.workflow.api;

/**
 * The types of the workflow domain's events on a branch's log. Every payload is a JSON object
 * with {@code request} (its id), {@code type} (its type's code), {@code state} (after the event)
 * and {@code by} (who: a staff login, {@code customer} or {@code talon}), and more per type as
 * named here; none carries contact data or the form's values.
 */
public final class WorkflowEvents {
    /** A request was registered; also {@code intake}, {@code dueAt}. */
    public static final String REGISTERED = "RequestRegistered";
    /** A request was given to a staff member (or taken by one); also {@code assignee}, {@code fromAssignee}. */
    public static final String ASSIGNED = "RequestAssigned";
    /** Its state changed by an {@link Action} other than an assignment; also {@code action}, {@code from}. */
    public static final String STATE_CHANGED = "RequestStateChanged";
    /** Its SLA reached the type's warning share while it was open; also {@code dueAt}. */
    public static final String AT_RISK = "RequestAtRisk";
    /** Its SLA ran out while it was open: escalated to the branch's managers; also {@code dueAt}. */
    public static final String OVERDUE = "RequestOverdue";
    /** A message was added to a consultation; also {@code from} ({@code customer} or {@code staff}). */
    public static final String MESSAGE = "RequestMessage";
    /** A ticket to collect it was issued; also {@code ticket}, {@code number}. */
    public static final String PICKUP_ISSUED = "RequestPickupIssued";

    private WorkflowEvents() {
    }
}
