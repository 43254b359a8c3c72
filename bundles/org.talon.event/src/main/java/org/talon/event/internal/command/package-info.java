/** The platform's {@code talon:} console commands for personal data. */
package org.talon.event.internal.command;
