package org.talon.driver.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.KeypadKey;
import org.talon.device.tck.Configurations;
import org.talon.device.tck.TestDeviceContext;

/** The virtual devices hand their page's presses to Talon as a device of wires would. */
class VirtualDevicesTest {

    @Test
    void aKeypadsPagePressesAreKeysAndItsScreenKeepsTheLines() {
        try (TestDeviceContext ctx = TestDeviceContext.atCounter()) {
            VirtualKeypad k = new VirtualKeypad(Configurations.of(VirtualKeypad.Config.class, Map.of("branch", "demo", "counter", "1")));
            k.initialize(ctx);
            assertEquals(DeviceStatus.State.ONLINE, ctx.status().state());
            k.press(KeypadKey.NEXT);
            k.press(KeypadKey.SERVE);
            assertEquals(List.of(KeypadKey.NEXT, KeypadKey.SERVE), ctx.keys());
            k.show("A001", "Called");
            assertArrayEquals(new String[] {"A001", "Called"}, k.lines());
            // a keypad set offline on its page takes no keys
            k.condition(DeviceStatus.offline("unplugged on its page"));
            k.press(KeypadKey.CALL);
            assertEquals(2, ctx.keys().size());
            k.dispose();
        }
    }

    @Test
    void aFeedbackTerminalsPageRatingsAreRatings() {
        try (TestDeviceContext ctx = TestDeviceContext.atCounter()) {
            VirtualFeedbackTerminal f = new VirtualFeedbackTerminal(Configurations.of(VirtualFeedbackTerminal.Config.class, Map.of("branch", "demo", "counter", "1")));
            f.initialize(ctx);
            f.invite("A001");
            assertEquals("A001", f.invited());
            f.rate(5, 5);
            assertEquals(1, ctx.ratings().size());
            assertArrayEquals(new int[] {5, 5}, ctx.ratings().get(0));
            f.dispose();
            f.rate(1, 5);
            assertEquals(1, ctx.ratings().size(), "nothing after dispose");
        }
    }

    @Test
    void aPrinterSetOutOfPaperOnItsPageFailsItsPrintsWithThatReason() throws Exception {
        try (TestDeviceContext ctx = TestDeviceContext.atCounter()) {
            VirtualPrinter p = new VirtualPrinter(Configurations.of(VirtualPrinter.Config.class, Map.of("branch", "demo", "kiosk", "kiosk-1", "printMillis", 0)));
            p.initialize(ctx);
            p.print(org.talon.device.tck.PrinterContract.ticket("A001")).toCompletableFuture().get();
            p.condition(new DeviceStatus(DeviceStatus.State.PAPER_OUT, "set on its page"));
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> p.print(org.talon.device.tck.PrinterContract.ticket("A002")).toCompletableFuture().get());
            assertTrue(e.getCause().getMessage().contains("PAPER_OUT"), e.getCause().getMessage());
            assertEquals(DeviceStatus.State.PAPER_OUT, ctx.status().state());
        }
    }
}
