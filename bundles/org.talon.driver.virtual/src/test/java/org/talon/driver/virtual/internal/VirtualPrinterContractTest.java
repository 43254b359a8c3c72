package org.talon.driver.virtual.internal;

import java.util.Map;
import java.util.function.Function;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.PrinterContract;

/** The driver test kit's contract; the kit sees a virtual device and takes it offline through its page's condition. */
class VirtualPrinterContractTest extends PrinterContract<VirtualPrinter> {
    @Override
    protected VirtualPrinter create(Map<String, Object> configuration) {
        return new VirtualPrinter(Configurations.of(VirtualPrinter.Config.class, configuration));
    }

    /** No wire: nothing answers. */
    @Override
    protected Function<byte[], byte[]> device() {
        return b -> null;
    }
}
