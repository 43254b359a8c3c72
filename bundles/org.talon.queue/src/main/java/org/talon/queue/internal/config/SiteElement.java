package org.talon.queue.internal.config;

/**
 * One configured part of a branch (the branch itself, a service, a counter, a work profile).
 * Each comes from its own factory configuration, so an integrator adds a counter by adding one
 * {@code .cfg} file and nothing else changes.
 */
public interface SiteElement {
    /** The branch this element belongs to. */
    String branch();
}
