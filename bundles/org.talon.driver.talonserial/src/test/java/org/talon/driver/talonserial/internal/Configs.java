package org.talon.driver.talonserial.internal;

import java.util.Map;
import org.talon.device.tck.Configurations;

/** Configurations as DS would hand them to the components: a device at counter 1 of branch demo. */
final class Configs {
    private Configs() {
    }

    static TalonSerialKeypadConfig keypad(String port, int pingSeconds) {
        return Configurations.of(TalonSerialKeypadConfig.class, Map.of("port", port, "branch", "demo", "counter", "1", "pingSeconds", pingSeconds));
    }

    static TalonSerialFeedbackConfig feedback(String port, int pingSeconds, int scale) {
        return Configurations.of(TalonSerialFeedbackConfig.class,
                Map.of("port", port, "branch", "demo", "counter", "1", "pingSeconds", pingSeconds, "scale", scale));
    }
}
