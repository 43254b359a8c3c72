/**
 * The queue domain: branches, services, queues, counters, operators, work profiles and tickets,
 * and {@link org.talon.queue.api.QueueService}, the one way to change them.
 */
@Export
@Version("3.1.0")
package org.talon.queue.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
