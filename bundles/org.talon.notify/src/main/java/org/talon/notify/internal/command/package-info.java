/** The {@code talon:notifications} console command. */
package org.talon.notify.internal.command;
