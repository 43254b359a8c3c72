package org.talon.driver.virtual.internal;

import org.talon.device.api.DeviceContext;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.Hardware;
import org.talon.device.api.KeypadKey;
import org.talon.device.api.VirtualHardware;

/**
 * What the virtual devices share: no wire, so the device is online from the start; its buttons and
 * sensors are on its page in the browser ({@code /hardware/<id>}), which Talon hands here.
 */
abstract class VirtualDevice implements Hardware, VirtualHardware {
    volatile DeviceContext context;
    volatile DeviceStatus condition = DeviceStatus.online();

    @Override
    public void initialize(DeviceContext ctx) {
        context = ctx;
        ctx.status(condition);
    }

    @Override
    public void dispose() {
        context = null;
    }

    @Override
    public void press(KeypadKey key) {
        // a device without keys ignores them
    }

    @Override
    public void rate(int rating, int scale) {
        // a device without rating buttons ignores them
    }

    @Override
    public void condition(DeviceStatus status) {
        condition = status;
        DeviceContext c = context;
        if (c != null) c.status(status);
    }
}
