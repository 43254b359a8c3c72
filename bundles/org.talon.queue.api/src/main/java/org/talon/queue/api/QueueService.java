package org.talon.queue.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The queue engine. Every method that changes state returns only after the change and its
 * events are committed; it throws {@link QueueException} when the change is refused, and then
 * nothing changed. {@code branch} may be {@code null} when exactly one branch exists.
 *
 * <p>Two counters calling at the same moment never receive the same ticket: all commands of a
 * branch are applied by one writer, one after the other.
 *
 * <p>Queries (tickets, queues, counters, the day so far) answer the branch as of its last commit
 * and never wait for commands in progress; a change answered to its caller is in every later
 * query. Called inside a {@code BranchCommand}, a query sees the last commit, not what that
 * command's own transaction has changed so far.
 */
@ProviderType
public interface QueueService {

    List<Branch> branches();

    Branch branch(String branch);

    List<Service> services(String branch);

    List<QueueStatus> queues(String branch);

    List<Counter> counters(String branch);

    /** Per queue, the business day so far: served, no-shows, cancelled (since 2.3). */
    List<QueueDay> today(String branch);

    List<WorkProfile> profiles(String branch);

    /** Waiting, called, serving and parked tickets of the branch, waiting ones in call order per queue. */
    List<Ticket> activeTickets(String branch);

    Optional<Ticket> ticket(String branch, String numberOrId);

    /** A ticket by its public id, in any branch, also after it is done (then without position). */
    Optional<Ticket> ticketByPublicId(String publicId);

    Ticket issue(IssueRequest request);

    /**
     * Issues a ticket as part of another command of the same branch (since 2.5): a domain's
     * {@link org.talon.event.api.BranchCommand} calls it with its own transaction, so that, e.g.,
     * a booking's check-in and the ticket it issues commit together or not at all. It runs at
     * once on the calling writer (never waits for it); the request's branch, when named, must be
     * the transaction's. Refusals are thrown before anything is written; a command that goes on
     * to fail after this returned is rolled back whole, ticket included.
     */
    Ticket issue(org.talon.event.api.BranchTransaction tx, IssueRequest request);

    /** Opens a counter, optionally with an operator logging in. */
    Counter open(String branch, String counter, String operator);

    Counter pause(String branch, String counter);

    Counter close(String branch, String counter);

    /**
     * Calls the next customer to the counter by its work profile. Opens a closed counter. A
     * counter that still has a called or serving ticket must finish, mark no-show, park or
     * transfer it first.
     *
     * @return the called ticket, or empty when no one is waiting for this counter
     */
    Optional<Ticket> call(String branch, String counter);

    /**
     * The Next key of a counter terminal, in one step: the current ticket (called or being
     * served) is finished, then the next customer is called.
     *
     * @return the called ticket, or empty when no one is waiting
     */
    Optional<Ticket> next(String branch, String counter);

    /** Calls the counter's current ticket again. */
    Ticket recall(String branch, String counter);

    /** The called customer arrived: service starts. */
    Ticket serve(String branch, String counter);

    /** Service ended. */
    Ticket finish(String branch, String counter);

    /** The called customer did not come. */
    Ticket noShow(String branch, String counter);

    /** Sets the counter's current ticket aside; it can be called back with {@link #callParked}. */
    Ticket park(String branch, String counter);

    /** Calls a parked ticket back to the counter. */
    Ticket callParked(String branch, String counter, String numberOrId);

    /** Sends the counter's current ticket to another queue, counter or operator pool. */
    Ticket transfer(String branch, String counter, TransferTarget target);

    /** Cancels a waiting or parked ticket, e.g. when the customer leaves. */
    Ticket cancel(String branch, String numberOrId);

    /**
     * A counter action on behalf of a person, checked and done in one step of the branch's
     * writer (see {@link CounterCommand} for who may do what). Refused with
     * {@link QueueException.Reason#FORBIDDEN} when an operator acts at a counter where they are
     * not logged in, and {@link QueueException.Reason#ILLEGAL_STATE} when an operator opens a
     * counter another operator is logged in at. Values are checked against their limits (an
     * operator name has at most 64 characters) before the command reaches the writer.
     */
    CounterResult act(CounterCommand command);
}
