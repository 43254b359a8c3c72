package org.talon.device.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An operator's keypad at a counter. Its presses reach Talon through
 * {@link DeviceContext#keyPressed}; Talon does the counter action and tells the keypad what to show.
 */
@ProviderType
public interface Keypad extends Hardware {

    /**
     * Shows two short lines on the keypad's screen or LEDs, e.g. {@code A001} and {@code 3 waiting};
     * a keypad without a screen ignores it. Returns at once.
     */
    void show(String line1, String line2);
}
