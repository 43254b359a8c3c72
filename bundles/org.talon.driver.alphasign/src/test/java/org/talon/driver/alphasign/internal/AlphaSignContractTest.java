package org.talon.driver.alphasign.internal;

import java.util.Map;
import java.util.function.Function;
import org.talon.device.api.Location;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.DisplayContract;

/** The driver test kit's contract for displays, against the emulated Alpha sign (a hall board). */
class AlphaSignContractTest extends DisplayContract<AlphaSignBoard> {
    @Override
    protected AlphaSignBoard create(Map<String, Object> configuration) {
        return new AlphaSignBoard(Configurations.of(AlphaSignConfig.class, configuration));
    }

    @Override
    protected Function<byte[], byte[]> device() {
        return new AlphaSignEmulator()::accept;
    }

    @Override
    protected Location location() {
        return new Location("demo", null, null, "main");
    }
}
