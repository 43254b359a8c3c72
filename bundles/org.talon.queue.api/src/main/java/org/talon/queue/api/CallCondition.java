package org.talon.queue.api;

import java.time.Duration;

/**
 * Overrides a work profile's rule: when the first customer of {@code queue} has waited longer
 * than {@code waitedOver}, call from that queue.
 */
public record CallCondition(String queue, Duration waitedOver) {
}
