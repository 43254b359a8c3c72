package org.talon.queue.api;

/**
 * A counter action on behalf of a person. The engine checks who may act in the same step as it
 * acts, so nothing can change in between: an operator acts only at a counter where they are
 * logged in, and cannot open a counter another operator is logged in at; a supervisor (a
 * manager or an admin) acts at any counter, and opening a counter someone else is logged in at
 * takes it over, which its event records.
 *
 * @param branch     branch id
 * @param counter    counter id, exactly as configured
 * @param action     what to do
 * @param actor      the user acting (an operator's login name), or {@code null} for the system itself
 * @param supervisor whether the actor may act at any counter (manager, admin, the console)
 * @param operator   for {@link CounterAction#OPEN} by a supervisor: the operator to log in, or
 *                   {@code null} to leave the counter's operator as it is; an operator always logs
 *                   in as themselves
 * @param target     for {@link CounterAction#TRANSFER}: where the ticket goes; {@code null} otherwise
 */
public record CounterCommand(String branch, String counter, CounterAction action, String actor, boolean supervisor,
        String operator, TransferTarget target) {

    /** An action by an operator at their own counter. */
    public static CounterCommand byOperator(String branch, String counter, CounterAction action, String operator) {
        return new CounterCommand(branch, counter, action, operator, false, null, null);
    }
}
