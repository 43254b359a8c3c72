package org.talon.queue.api.rule;

import java.time.Instant;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.talon.queue.api.WorkProfile;

/** What a {@link CallRule} sees when a counter calls. */
@ProviderType
public interface CallContext {
    /** The counter's work profile: its entries in order, with their limits. */
    WorkProfile profile();

    /** The counter that calls. */
    String counter();

    /** Now, as the branch's writer tells it. */
    Instant now();

    /** The next customer of a queue in its call order, or {@code null} when no one waits there. */
    Head head(String queue);

    /**
     * The rule's memory for this counter, kept between its calls (e.g. how many were called from
     * each queue in the current round); it starts empty, and again when the counter's profile
     * changes or the engine restarts.
     */
    Map<String, Integer> memory();

    /** The first customer waiting in a queue. */
    @ProviderType
    interface Head {
        /** When the ticket was issued. */
        Instant issuedAt();

        /**
         * Where it stands in call order: its arrival less its priority class's head start. Of two
         * heads the earlier key is the one waiting "longer".
         */
        Instant orderKey();

        /** When it reaches its service's target wait. */
        Instant targetWaitAt();

        /** Compares two heads in call order, ties broken as the line breaks them (first come first). */
        int compareOrder(Head other);
    }
}
