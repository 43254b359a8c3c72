/** The {@code talon:} console commands of the hardware. */
package org.talon.device.internal.command;
