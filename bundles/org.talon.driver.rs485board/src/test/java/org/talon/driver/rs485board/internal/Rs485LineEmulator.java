package org.talon.driver.rs485board.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boards of one RS-485 line, as the wire sees them: it reads the bytes every board's driver
 * writes, frames them strictly ({@code 0x01}, an address byte, optionally the blink byte, text,
 * {@code 0x07}; nothing between frames, no control byte in the text), and keeps what each board
 * at {@code addresses} shows, decoded in the boards' code page, with the time each frame arrived.
 * A frame for an address no board has is taken off the line and ignored, as those boards would.
 * The boards never answer.
 */
final class Rs485LineEmulator {

    /** One frame as the line carried it. */
    record Frame(int address, int blink, String text, long nanos) {
    }

    private final Set<Integer> addresses;
    private final Charset charset;
    private final boolean blinkByte;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Map<Integer, String> shown = new HashMap<>();
    private final Map<Integer, Integer> blinking = new HashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    Rs485LineEmulator(Set<Integer> addresses, Charset charset, boolean blinkByte) {
        this.addresses = Set.copyOf(addresses);
        this.charset = charset;
        this.blinkByte = blinkByte;
    }

    /** Takes what a driver wrote; returns nothing (the boards never answer). */
    synchronized byte[] accept(byte[] written) {
        long now = System.nanoTime();
        pending.writeBytes(written);
        byte[] all = pending.toByteArray();
        int at = 0;
        while (at < all.length) {
            if (all[at] != BoardFrames.START) {
                errors.add(String.format("byte %02X outside a frame", all[at] & 0xFF));
                at++;
                continue;
            }
            int end = -1;
            for (int k = at + 1; k < all.length; k++) {
                if (all[k] == BoardFrames.END && k >= at + 2 + (blinkByte ? 1 : 0)) {
                    end = k;
                    break;
                }
            }
            if (end < 0) break; // the rest of the frame is still on its way
            frame(java.util.Arrays.copyOfRange(all, at, end + 1), now);
            at = end + 1;
        }
        pending.reset();
        pending.write(all, at, all.length - at);
        return new byte[0];
    }

    private void frame(byte[] f, long now) {
        int address = f[1] & 0xFF;
        int textFrom = blinkByte ? 3 : 2;
        int blink = blinkByte ? f[2] & 0xFF : -1;
        if (blinkByte && blink != BoardFrames.STEADY && blink != BoardFrames.BLINK && (blink < 1 || blink > 11)) {
            errors.add("blink byte " + blink + " is neither 0, 1..11 nor 125");
            return;
        }
        for (int k = textFrom; k < f.length - 1; k++) {
            int b = f[k] & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                errors.add(String.format("control byte %02X in the text of a frame to %d", b, address));
                return;
            }
        }
        String text = new String(f, textFrom, f.length - 1 - textFrom, charset);
        frames.add(new Frame(address, blink, text, now));
        if (addresses.contains(address)) {
            shown.put(address, text);
            blinking.put(address, blink);
        }
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    synchronized List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** What the board at {@code address} shows, or {@code null} before its first frame. */
    synchronized String shows(int address) {
        return shown.get(address);
    }

    synchronized Integer blink(int address) {
        return blinking.get(address);
    }
}
