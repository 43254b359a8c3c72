package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DisplayContent;
import org.talon.device.tck.GoldenBytes;

/** The exact bytes for a call, against the golden file. */
class VendorFramesTest {
    @Test
    void aCallIsItsNumberAndCounterOnOneLine() {
        DisplayContent.Call call = new DisplayContent.Call("A001", "3", "Window 3", "3");
        byte[] expected = GoldenBytes.read(VendorFramesTest.class, "/golden/call.hex");
        assertEquals(GoldenBytes.format(expected), GoldenBytes.format(VendorFrames.frame(new DisplayContent(List.of(call), call), 1)));
    }
}
