package org.talon.device.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A display: a counter display (at a {@link HardwareProperties#COUNTER}, it shows that counter's
 * ticket) or a hall board (in the {@link HardwareProperties#HALL}, it shows the tickets called to
 * the branch's counters).
 */
@ProviderType
public interface Display extends Hardware {

    /**
     * Shows what the display should show now. Talon calls it on every change and again when the
     * display comes back online; each call replaces the last. A driver that is offline keeps only
     * the latest and shows it once connected. Returns at once.
     */
    void show(DisplayContent content);
}
