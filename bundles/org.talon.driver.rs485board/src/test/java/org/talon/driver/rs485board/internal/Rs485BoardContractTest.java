package org.talon.driver.rs485board.internal;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.DisplayContract;

/** The driver test kit's contract for displays, against the emulated RS-485 line with the board at address 32 (over counter 1). */
class Rs485BoardContractTest extends DisplayContract<Rs485Board> {
    @Override
    protected Rs485Board create(Map<String, Object> configuration) {
        return new Rs485Board(Configurations.of(Rs485BoardConfig.class, configuration));
    }

    @Override
    protected Function<byte[], byte[]> device() {
        return new Rs485LineEmulator(Set.of(32), Charset.forName("cp1251"), false)::accept;
    }
}
