package ${package}.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.talon.device.api.DisplayContent;

/**
 * The ${vendor} protocol: here a line of ASCII per call, {@code A001 3} and CR LF, as many simple
 * serial LED displays take. Replace it with the device's frames, and its golden bytes in
 * src/test/resources/golden with the frames the vendor's documentation gives.
 */
final class VendorFrames {
    private VendorFrames() {
    }

    static byte[] frame(DisplayContent content, int lines) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (DisplayContent.Call c : content.calls()) {
            if (n++ == lines) break;
            b.append(ascii(c.number())).append(' ').append(ascii(c.counterLabel())).append("\r\n");
        }
        if (n == 0) b.append("\r\n"); // an empty line clears the display
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** What an ASCII display can show: letters without their accents, other characters as '?'. */
    static String ascii(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder b = new StringBuilder();
        for (char ch : plain.toCharArray()) b.append(ch >= 0x20 && ch < 0x7F ? ch : '?');
        return b.toString();
    }
}
