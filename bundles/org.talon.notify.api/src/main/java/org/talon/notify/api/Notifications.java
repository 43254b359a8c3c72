package org.talon.notify.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.talon.event.api.BranchTransaction;

/**
 * The outbox of messages to people: a message is stored first and sent afterwards, by the channel
 * for its recipient (an e-mail address by the {@code email} channel, a phone number by {@code sms}),
 * at or after its {@link Notification#notBefore()}; a failed try is repeated later with a growing
 * pause, until a channel accepted it or it is given up ({@link MessageStatus.State#FAILED}). What
 * it holds survives a restart. Delivery is at least once.
 */
@ProviderType
public interface Notifications {

    /**
     * In a branch command: the message is stored in the same commit as the command's events
     * ({@link BranchTransaction#rows}), so it is sent only when the command committed.
     *
     * @return the message's id
     * @throws IllegalArgumentException when the template is unknown, before anything is written
     */
    String enqueue(BranchTransaction tx, Notification n);

    /**
     * Outside commands: the message is stored before this returns, in a transaction of its own,
     * or in the caller's JTA transaction when the calling thread is in one (a durable
     * subscriber's handling: then it commits with the subscriber's position).
     *
     * @return the message's id
     * @throws IllegalArgumentException when the template is unknown
     */
    String enqueue(Notification n);

    /**
     * In a branch command: the messages of the transaction's branch with this key that are not
     * sent yet are never sent (a rescheduled booking's reminder). Messages enqueued with the
     * same key after this call, in the same command or later, are not affected.
     */
    void cancel(BranchTransaction tx, String key);

    /** The branch's messages, newest first, at most {@code max}, recipients masked. */
    List<MessageStatus> messages(String branch, int max);
}
