package org.talon.driver.virtual.internal;

import java.util.Map;
import java.util.function.Function;
import org.talon.device.api.DeviceStatus;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.PrinterContract;

/** The driver test kit's contract for printers: the virtual printer has no port; its page sets it offline. */
class VirtualPrinterContractTest extends PrinterContract<VirtualPrinter> {
    @Override
    protected VirtualPrinter create(Map<String, Object> configuration) {
        return new VirtualPrinter(Configurations.of(VirtualPrinter.Config.class, configuration));
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
    protected void goAway(VirtualPrinter driver, String reason) {
        driver.condition(DeviceStatus.offline(reason));
    }

    @Override
    protected void comeBack(VirtualPrinter driver) {
        driver.condition(DeviceStatus.online());
    }
}
