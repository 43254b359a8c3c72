package org.talon.queue.api;

import java.time.Duration;
import java.util.List;

/**
 * A queue as it stands now.
 *
 * @param branch       branch id
 * @param id           queue id
 * @param services     codes of the services whose tickets wait here
 * @param waiting      number of waiting tickets
 * @param longestWait  how long the first customer in line has waited ({@link Duration#ZERO} when empty)
 * @param estimate     expected wait for a ticket issued now, {@code null} when no open counter calls this queue
 * @param openCounters open counters whose work profile calls this queue
 */
public record QueueStatus(String branch, String id, List<String> services, int waiting, Duration longestWait,
        Duration estimate, int openCounters) {
    public QueueStatus {
        services = List.copyOf(services);
    }
}
