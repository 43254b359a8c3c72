package org.talon.driver.escpos.internal;

import java.util.Map;
import java.util.function.Function;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.PrinterContract;

/** The driver test kit's contract for printers, against the ESC/POS emulator. */
class EscPosContractTest extends PrinterContract<EscPosPrinter> {
    @Override
    protected EscPosPrinter create(Map<String, Object> configuration) {
        return new EscPosPrinter(Configurations.of(PrinterConfig.class, configuration));
    }

    @Override
    protected Function<byte[], byte[]> device() {
        return new EscPosEmulator()::accept;
    }
}
