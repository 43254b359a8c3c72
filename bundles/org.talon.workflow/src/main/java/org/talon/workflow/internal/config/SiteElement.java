package org.talon.workflow.internal.config;

/** One piece of a branch's workflow set-up, from its own factory configuration. */
public interface SiteElement {
    /** The branch it belongs to; {@code *} for the whole network. */
    String branch();
}
