package org.talon.workflow.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.queue.api.Channel;

/**
 * The workflow engine. Every method that changes a request returns only after the change, its
 * event and its history entry are committed; it throws {@link WorkflowException} when the change
 * is refused, and then nothing changed. A request's id names its branch, so methods that take an
 * id need no branch.
 *
 * <p>All changes of one branch's requests run on that branch's writer, one after the other: two
 * staff members taking the same request never both get it.
 */
@ProviderType
public interface WorkflowService {

    /** The request types a branch takes (its own and the network's), by code. */
    List<RequestType> types(String branch);

    Optional<RequestType> type(String branch, String code);

    /**
     * Registers a request: checks the form against its type (every wrong field named in
     * {@link WorkflowException#fields()}), gives it its id and its SLA from the branch calendar,
     * and assigns it at once when the branch assigns automatically and someone with the skills is
     * on duty with room; else it waits, unassigned, in order of priority and due time.
     */
    Request register(NewRequest request);

    /** A request by its id, open or closed. */
    Optional<Request> request(String id);

    /** A customer's request by its id, with their phone or e-mail address as proof. */
    Optional<Request> find(String id, ContactAddress contact);

    /** A work list. */
    RequestPage list(RequestQuery query);

    /** Every change of a request, oldest first. */
    List<HistoryEntry> history(String id);

    /**
     * Acts on a request: see {@link Action} for which action is allowed from which state.
     *
     * @param assignee for {@link Action#ASSIGN}: the staff member to give it to; else ignored
     * @param note     what the action says: the result for {@link Action#COMPLETE} and
     *                 {@link Action#READY}, the reason for {@link Action#REJECT} (required), a
     *                 note otherwise; may be null
     */
    Request act(String id, Action action, Actor by, String assignee, String note);

    /**
     * Gives the staff member the next open request nobody holds that they have the skills for,
     * highest priority first, then soonest due.
     *
     * @return empty when there is none
     */
    Optional<Request> takeNext(String branch, Actor by);

    /** The branch's staff who work on requests, with their load and whether they are on duty. */
    List<StaffMember> staff(String branch);

    /**
     * Adds a message to a consultation (a type that is a question): from the customer
     * ({@link Actor#CUSTOMER}) or from staff, who then send it to the customer.
     */
    Request message(String id, Actor by, String text);

    /**
     * Issues the ticket a customer takes to collect a request that is ready for pickup, in its
     * type's pickup service, linked to the request; asked again while that ticket waits, the
     * same ticket.
     */
    PickupTicket pickup(String id, Channel channel, String by);

    /** The request a ticket collects, if it is a pickup ticket. */
    Optional<Request> requestForTicket(String branch, long ticketId);
}
