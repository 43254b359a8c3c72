package org.talon.device.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.Display;
import org.talon.device.api.DisplayContent;

/**
 * What every display's driver must do besides {@link DriverContract}: show the latest content,
 * keep only the latest while offline and show it once connected, and show it again after a
 * reconnect (a board that was switched off shows nothing until told again).
 */
public abstract class DisplayContract<D extends Display> extends DriverContract<D> {
    public static final DisplayContent A001 = new DisplayContent(List.of(new DisplayContent.Call("A001", "1", "Window 1", "1")),
            new DisplayContent.Call("A001", "1", "Window 1", "1"));
    public static final DisplayContent B002 = new DisplayContent(List.of(new DisplayContent.Call("B002", "1", "Window 1", "1")), null);

    /** How long the driver may take to write a change. */
    protected Duration showWithin() {
        return Duration.ofSeconds(2);
    }

    private byte[] shown(D d, DisplayContent content) {
        TestConnection c = context.connection();
        context.drain();
        c.take();
        d.show(content);
        TestDeviceContext.await(showWithin(), () -> c.written().length > 0, "nothing written for " + content);
        TestDeviceContext.await(showWithin(), () -> { int n = c.written().length; context.drain(); return c.written().length == n; }, "writing settles");
        return c.take();
    }

    @Test
    void aCallIsWrittenToTheDevice() {
        D d = online();
        byte[] bytes = shown(d, A001);
        assertTrue(bytes.length > 0);
    }

    @Test
    void contentShownWhileOfflineIsWrittenOnceConnectedOnlyTheLatest() {
        D d = online();
        byte[] a001 = shown(d, A001);
        byte[] b002 = shown(d, B002);
        TestConnection c = context.connection();
        c.drop("switched off");
        context.awaitStatus(DeviceStatus.State.OFFLINE, Duration.ofSeconds(2));
        d.show(A001);
        d.show(B002);
        context.drain();
        c.take();
        c.open();
        context.awaitStatus(DeviceStatus.State.ONLINE, onlineWithin());
        TestDeviceContext.await(showWithin(), () -> indexOf(c.written(), b002) >= 0, "the latest content is written after connecting");
        context.drain();
        assertEquals(-1, indexOf(c.written(), a001), "content replaced while offline is not written");
    }

    /** Where {@code part} begins in {@code all}, or -1. */
    static int indexOf(byte[] all, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= all.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (all[i + j] != part[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    @Test
    void theSameContentWritesTheSameBytes() {
        D d = online();
        byte[] one = shown(d, A001);
        byte[] two = shown(d, B002);
        byte[] three = shown(d, A001);
        assertArrayEquals(one, three, "a display's bytes depend on its content only");
        assertTrue(two.length > 0);
    }
}
