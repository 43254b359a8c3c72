package org.talon.workflow.api;

/**
 * Who acts on a request: a staff member (a manager may act on every request of the branch, others
 * only on those they hold), the customer, or Talon itself (the automatic assignment, the SLA's
 * warnings).
 *
 * @param login   a staff login, {@code customer} or {@code talon}
 * @param manager whether they act as a manager
 */
public record Actor(String login, boolean manager) {
    public static final Actor TALON = new Actor("talon", true);
    public static final Actor CUSTOMER = new Actor("customer", false);

    public static Actor staff(String login) {
        return new Actor(login, false);
    }

    public static Actor manager(String login) {
        return new Actor(login, true);
    }

    public boolean customer() {
        return this.equals(CUSTOMER);
    }
}
