package org.talon.booking.internal.config;

/** One piece of a branch's booking set-up, from its own factory configuration. */
public interface SiteElement {
    /** The branch it belongs to. */
    String branch();
}
