package org.talon.driver.alphasign.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Alpha sign at the far end of the wire: it reads standard transmission packets byte by byte as
 * a sign would, checks them strictly (at least five NULs, SOH, its type code and address or the
 * wildcards, STX, Write TEXT, a file label, ETX with a checksum that adds up, EOT) and keeps the TEXT
 * files it was sent. A packet that breaks a rule is dropped, as the sign drops it, and the rule is
 * kept in {@link #errors()}. The sign has ACK/NAK off, so it never answers: {@link #accept} returns
 * no bytes.
 */
final class AlphaSignEmulator {

    /** A TEXT file as the sign holds it: its display position and mode, its lines, and which lines flash. */
    record TextFile(byte position, byte mode, List<String> lines, List<Boolean> flashing) {
    }

    private final char typeCode;
    private final String address;
    private final boolean checksumRequired;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Map<Character, TextFile> files = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private int packets;

    /** A sign of type {@code typeCode} at {@code address} (e.g. {@code 'c'}, {@code "01"}); {@code checksumRequired}: a packet without one is an error. */
    AlphaSignEmulator(char typeCode, String address, boolean checksumRequired) {
        this.typeCode = typeCode;
        this.address = address;
        this.checksumRequired = checksumRequired;
    }

    /** Any sign, checksums required. */
    AlphaSignEmulator() {
        this('c', "01", true);
    }

    /** Takes what the driver wrote; returns the reply (always none). */
    synchronized byte[] accept(byte[] written) {
        pending.writeBytes(written);
        byte[] all = pending.toByteArray();
        int eot;
        int start = 0;
        while ((eot = indexOf(all, AlphaFrames.EOT, start)) >= 0) {
            packet(java.util.Arrays.copyOfRange(all, start, eot + 1));
            start = eot + 1;
        }
        pending.reset();
        pending.write(all, start, all.length - start);
        return new byte[0];
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** How many packets the sign took (addressed to it, rules kept). */
    synchronized int packets() {
        return packets;
    }

    synchronized TextFile file(char label) {
        return files.get(label);
    }

    /** What file {@code label} shows, one string a line ({@code []} for an empty file). */
    synchronized List<String> shows(char label) {
        TextFile f = files.get(label);
        return f == null ? null : f.lines();
    }

    private void packet(byte[] p) {
        int i = 0;
        while (i < p.length && p[i] == AlphaFrames.NUL) i++;
        if (i < 5) {
            error("only " + i + " NULs before SOH (the sign needs at least 5 to find the baud rate)");
            return;
        }
        if (p[i++] != AlphaFrames.SOH) {
            error("no SOH after the NULs");
            return;
        }
        if (p.length < i + 4) {
            error("packet too short");
            return;
        }
        char type = (char) p[i++];
        String addr = new String(p, i, 2, StandardCharsets.US_ASCII);
        i += 2;
        if (!addr.matches("[0-9A-F?]{2}")) {
            error("address '" + addr + "' is not two upper-case hex digits");
            return;
        }
        if (p[i] != AlphaFrames.STX) {
            error("no STX after the address");
            return;
        }
        int stx = i++;
        boolean forMe = (type == 'Z' || type == '?' || type == typeCode) && matches(addr);
        if (p[i++] != AlphaFrames.WRITE_TEXT) {
            error("command code " + (char) p[i - 1] + " is not A (write TEXT file)");
            return;
        }
        char label = (char) p[i++];
        if (label < 0x20 || label > 0x75) {
            error("file label 0x" + Integer.toHexString(label) + " out of 0x20..0x75");
            return;
        }
        int etx = indexOf(p, AlphaFrames.ETX, i);
        int dataEnd;
        if (etx >= 0) {
            if (p.length != etx + 6) {
                error("after ETX come four checksum digits and EOT, found " + (p.length - etx - 1) + " bytes");
                return;
            }
            String sent = new String(p, etx + 1, 4, StandardCharsets.US_ASCII);
            int sum = 0;
            for (int k = stx; k <= etx; k++) sum += p[k] & 0xFF;
            String expected = String.format("%04X", sum & 0xFFFF);
            if (!sent.equals(expected)) {
                error("checksum " + sent + " but STX..ETX add up to " + expected);
                return;
            }
            dataEnd = etx;
        } else {
            if (checksumRequired) {
                error("no ETX and checksum");
                return;
            }
            dataEnd = p.length - 1;
        }
        TextFile file = text(p, i, dataEnd);
        if (file == null) return;
        if (forMe) {
            files.put(label, file);
            packets++;
        }
    }

    private TextFile text(byte[] p, int from, int to) {
        if (from == to) return new TextFile((byte) 0, (byte) 0, List.of(), List.of());
        if (p[from] != AlphaFrames.ESC || to - from < 3) {
            error("TEXT data does not start with ESC, position, mode");
            return null;
        }
        byte position = p[from + 1];
        if (position != 0x20 && position != 0x22 && position != 0x26 && position != 0x30) {
            error("display position 0x" + Integer.toHexString(position) + " is not one of 20, 22, 26, 30");
            return null;
        }
        byte mode = p[from + 2];
        if (mode < 'a' || mode > 't' || mode == 'd' || mode == 'n') {
            error("mode code '" + (char) mode + "' is not one this emulator knows");
            return null;
        }
        List<String> lines = new ArrayList<>();
        List<Boolean> flashing = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean flash = false;
        boolean lineFlashed = false;
        for (int k = from + 3; k < to; k++) {
            int b = p[k] & 0xFF;
            if (b == AlphaFrames.NEW_LINE) {
                lines.add(line.toString());
                flashing.add(lineFlashed);
                line.setLength(0);
                lineFlashed = flash;
            } else if (b == AlphaFrames.FLASH) {
                if (k + 1 >= to || (p[k + 1] != '0' && p[k + 1] != '1')) {
                    error("flash code 07 not followed by 0 or 1");
                    return null;
                }
                flash = p[++k] == '1';
                lineFlashed |= flash;
            } else if (b < 0x20 || b > 0x7E) {
                error("byte 0x" + Integer.toHexString(b) + " in the message is neither printable ASCII nor a control code the driver may send");
                return null;
            } else {
                line.append((char) b);
            }
        }
        lines.add(line.toString());
        flashing.add(lineFlashed);
        return new TextFile(position, mode, List.copyOf(lines), List.copyOf(flashing));
    }

    private boolean matches(String addr) {
        if (addr.equals("00")) return true;
        for (int k = 0; k < 2; k++) {
            if (addr.charAt(k) != '?' && addr.charAt(k) != address.charAt(k)) return false;
        }
        return true;
    }

    private void error(String e) {
        errors.add(e);
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int k = from; k < a.length; k++) {
            if (a[k] == b) return k;
        }
        return -1;
    }
}
