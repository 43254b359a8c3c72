package org.talon.queue.api;

/**
 * One queue in a work profile.
 *
 * @param queue queue id
 * @param limit for {@link CallRule#WEIGHTED}: call this queue while fewer than {@code limit}
 *              tickets were called from it in the current round; 0 means no limit (the entry
 *              that ends the round)
 */
public record ProfileEntry(String queue, int limit) {
}
