package org.talon.driver.talonserial.internal;

import java.util.Map;
import java.util.function.Function;
import org.talon.device.api.KeypadKey;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.KeypadContract;

/** The driver test kit's contract for keypads, against the emulated microcontroller. */
class TalonSerialKeypadContractTest extends KeypadContract<TalonSerialKeypad> {
    private final TalonSerialEmulator device = new TalonSerialEmulator("keypad");

    @Override
    protected TalonSerialKeypad create(Map<String, Object> configuration) {
        return new TalonSerialKeypad(Configurations.of(TalonSerialKeypadConfig.class, configuration));
    }

    @Override
    protected Function<byte[], byte[]> device() {
        return device::accept;
    }

    @Override
    protected byte[] press(KeypadKey key) {
        return device.press(key);
    }
}
