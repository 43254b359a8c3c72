package org.talon.driver.virtual.internal;

import java.util.Map;
import java.util.function.Function;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.DriverContract;

/** The driver test kit's contract every driver passes; the kit sees a virtual device and takes it offline through its page's condition. */
class VirtualDisplayContractTest extends DriverContract<VirtualDisplay> {
    @Override
    protected VirtualDisplay create(Map<String, Object> configuration) {
        return new VirtualDisplay(Configurations.of(VirtualDisplay.Config.class, configuration));
    }

    /** No wire: nothing answers. */
    @Override
    protected Function<byte[], byte[]> device() {
        return b -> null;
    }
}
