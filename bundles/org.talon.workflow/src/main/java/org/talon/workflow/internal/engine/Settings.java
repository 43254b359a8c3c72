package org.talon.workflow.internal.engine;

/**
 * A branch's workflow settings.
 *
 * @param idPrefix     the first part of its requests' ids, e.g. {@code WAR}: unique in the network
 * @param autoAssign   whether requests are given to staff by themselves (by skill, load and priority)
 * @param managerEmail where word of an overdue request goes, or null
 */
public record Settings(String idPrefix, boolean autoAssign, String managerEmail) {
}
