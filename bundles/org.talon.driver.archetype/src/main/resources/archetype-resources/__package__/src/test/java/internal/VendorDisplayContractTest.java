package ${package}.internal;

import java.util.Map;
import java.util.function.Function;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.DisplayContract;

/** The driver test kit's contract: what every Talon display driver does. */
class VendorDisplayContractTest extends DisplayContract<VendorDisplay> {
    @Override
    protected VendorDisplay create(Map<String, Object> configuration) {
        return new VendorDisplay(Configurations.of(VendorDisplayConfig.class, configuration));
    }

    /** The device at the far end: this one answers nothing. */
    @Override
    protected Function<byte[], byte[]> device() {
        return written -> null;
    }
}
