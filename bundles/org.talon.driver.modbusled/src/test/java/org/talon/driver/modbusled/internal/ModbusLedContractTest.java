package org.talon.driver.modbusled.internal;

import java.util.Map;
import java.util.function.Function;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.DisplayContract;

/** The driver test kit's contract for displays, against the emulated Modbus unit 1 (a counter display). */
class ModbusLedContractTest extends DisplayContract<ModbusLedDisplay> {
    @Override
    protected ModbusLedDisplay create(Map<String, Object> configuration) {
        return new ModbusLedDisplay(Configurations.of(ModbusLedConfig.class, configuration));
    }

    @Override
    protected Function<byte[], byte[]> device() {
        return new ModbusSlaveEmulator(1, 0, 4, 0x7F)::accept;
    }
}
