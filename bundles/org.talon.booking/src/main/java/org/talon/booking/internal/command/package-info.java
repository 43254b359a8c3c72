/** The {@code talon:} console commands of the booking domain. */
package org.talon.booking.internal.command;
