package org.talon.driver.talonserial.internal;

import java.util.Map;
import java.util.function.Function;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.FeedbackContract;

/** The driver test kit's contract for feedback terminals, against the emulated microcontroller. */
class TalonSerialFeedbackContractTest extends FeedbackContract<TalonSerialFeedback> {
    private final TalonSerialEmulator device = new TalonSerialEmulator("feedback");

    @Override
    protected TalonSerialFeedback create(Map<String, Object> configuration) {
        return new TalonSerialFeedback(Configurations.of(TalonSerialFeedbackConfig.class, configuration));
    }

    @Override
    protected Function<byte[], byte[]> device() {
        return device::accept;
    }

    @Override
    protected byte[] rate(int rating) {
        return device.rate(rating, 5);
    }
}
