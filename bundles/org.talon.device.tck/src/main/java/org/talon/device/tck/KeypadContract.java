package org.talon.device.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talon.device.api.KeypadKey;
import org.talon.device.api.Keypad;

/**
 * What every keypad's driver must do besides {@link DriverContract}: a key pressed on the device is
 * reported once, as the key it is. The vendor says which bytes the device sends for a key.
 */
public abstract class KeypadContract<K extends Keypad> extends DriverContract<K> {

    /** The bytes the device sends when this key is pressed. */
    protected abstract byte[] press(KeypadKey key);

    @Test
    void eachKeyPressedIsReportedOnceAsThatKey() {
        online();
        for (KeypadKey k : List.of(KeypadKey.NEXT, KeypadKey.SERVE, KeypadKey.FINISH)) context.connection().send(press(k));
        TestDeviceContext.await(Duration.ofSeconds(2), () -> context.keys().size() >= 3, "keys reported: " + context.keys());
        context.drain();
        assertEquals(List.of(KeypadKey.NEXT, KeypadKey.SERVE, KeypadKey.FINISH), context.keys());
    }
}
