/** The workflow domain's {@code talon:} console commands. */
package org.talon.workflow.internal.command;
