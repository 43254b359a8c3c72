package org.talon.driver.virtual.internal;

import java.util.Map;
import java.util.function.Function;
import org.talon.device.api.DeviceStatus;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.DriverContract;

/** The driver test kit's contract every driver passes, for the virtual display (no port: its page sets it offline). */
class VirtualDisplayContractTest extends DriverContract<VirtualDisplay> {
    @Override
    protected VirtualDisplay create(Map<String, Object> configuration) {
        return new VirtualDisplay(Configurations.of(VirtualDisplay.Config.class, configuration));
    }

    @Override
    protected Function<byte[], byte[]> device() {
        return b -> null;
    }

    @Override
    protected boolean wired() {
        return false;
    }

    @Override
    protected void goAway(VirtualDisplay driver, String reason) {
        driver.condition(DeviceStatus.offline(reason));
    }

    @Override
    protected void comeBack(VirtualDisplay driver) {
        driver.condition(DeviceStatus.online());
    }
}
