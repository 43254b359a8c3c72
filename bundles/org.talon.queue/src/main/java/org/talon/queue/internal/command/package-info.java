/** The {@code talon:} console commands of the queue domain. */
package org.talon.queue.internal.command;
