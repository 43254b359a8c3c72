package org.talon.driver.escpos.internal;

import java.util.HashMap;
import java.util.Map;
import org.talon.device.tck.Configurations;

/** A {@link PrinterConfig} as DS would make it: the given properties, else the attribute defaults. */
final class Configs {
    private Configs() {
    }

    static PrinterConfig printer(Object... keyValues) {
        Map<String, Object> props = new HashMap<>();
        props.put("port", "tcp://printer-1:9100");
        props.put("branch", "demo");
        props.put("kiosk", "kiosk-1");
        props.put("statusIntervalSeconds", 60); // tests that poll set it lower
        for (int i = 0; i < keyValues.length; i += 2) props.put((String) keyValues[i], keyValues[i + 1]);
        return Configurations.of(PrinterConfig.class, props);
    }
}
