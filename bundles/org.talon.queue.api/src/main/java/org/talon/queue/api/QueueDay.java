package org.talon.queue.api;

/**
 * A queue's business day so far (the day in the branch's time zone): tickets issued that day that
 * were served, marked no-show or cancelled.
 *
 * @param branch    the branch
 * @param queue     the queue
 * @param served    finished at a counter
 * @param noShows   called and did not come
 * @param cancelled cancelled while waiting or parked
 */
public record QueueDay(String branch, String queue, int served, int noShows, int cancelled) {
}
