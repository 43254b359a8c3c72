package org.talon.device.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.talon.device.api.FeedbackTerminal;

/**
 * What every feedback terminal's driver must do besides {@link DriverContract}: a rating pressed on
 * the device after Talon invited one is reported once with its scale. The vendor says which bytes the device sends.
 */
public abstract class FeedbackContract<F extends FeedbackTerminal> extends DriverContract<F> {

    /** The bytes the device sends when the customer gives this rating. */
    protected abstract byte[] rate(int rating);

    /** The scale the driver reports ratings on for the test's configuration. */
    protected int scale() {
        return 5;
    }

    @Test
    void eachRatingIsReportedOnceWithItsScale() {
        F f = online();
        // Talon invites a rating for the ticket being served; the customer presses a button
        f.invite("A001");
        context.drain();
        context.connection().send(rate(4));
        TestDeviceContext.await(Duration.ofSeconds(2), () -> context.ratings().size() >= 1, "rating reported: " + context.ratings().size());
        f.invite("A002");
        context.drain();
        context.connection().send(rate(1));
        TestDeviceContext.await(Duration.ofSeconds(2), () -> context.ratings().size() >= 2, "ratings reported: " + context.ratings().size());
        context.drain();
        assertEquals(2, context.ratings().size());
        assertArrayEquals(new int[] {4, scale()}, context.ratings().get(0));
        assertArrayEquals(new int[] {1, scale()}, context.ratings().get(1));
    }
}
