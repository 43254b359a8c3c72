package org.talon.device.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A device whose buttons and sensors are on a web page instead of in a box (the virtual devices of
 * demos and tests). Talon hands it what the page's user does; the driver reports it through its
 * {@link DeviceContext} as a device of wires would.
 */
@ProviderType
public interface VirtualHardware {

    /** A key of the page's keypad was pressed. */
    void press(KeypadKey key);

    /** A rating button of the page's feedback terminal was pressed. */
    void rate(int rating, int scale);

    /** The page's user set the device's condition, e.g. a printer out of paper. */
    void condition(DeviceStatus status);
}
