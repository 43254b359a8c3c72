package org.talon.driver.modbusled.internal;

import org.talon.device.tck.GoldenBytes;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A Modbus-RTU LED display as a slave on the wire: it reads request frames byte by byte, checks
 * them strictly (its unit id, a complete frame of function 0x06 or 0x10, a byte count that fits
 * the quantity, the CRC), keeps its holding registers, and answers as the specification says: the
 * echo for 0x06, start and quantity for 0x10, an exception (function | 0x80, code) for a function
 * it lacks (01), a register it does not have (02) or a value it cannot show (03). A frame with a
 * wrong CRC, or for another unit, gets no answer at all. It can be told to stay silent, or to
 * answer every request with an exception.
 */
final class ModbusSlaveEmulator {
    private final int unit;
    private final int firstRegister;
    private final int registerCount;
    private final int maxValue;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final TreeMap<Integer, Integer> registers = new TreeMap<>();
    private final List<String> errors = new ArrayList<>();
    private final List<byte[]> requests = new ArrayList<>();
    private volatile boolean silent;
    private volatile int forcedException;

    /** Unit {@code unit} with holding registers {@code first..first+count-1}, each taking values up to {@code maxValue}. */
    ModbusSlaveEmulator(int unit, int first, int count, int maxValue) {
        this.unit = unit;
        this.firstRegister = first;
        this.registerCount = count;
        this.maxValue = maxValue;
    }

    /** From now on it answers nothing (switched off, wrong baud rate, cut wire). */
    void silent(boolean s) {
        silent = s;
    }

    /** From now on it refuses every request with this exception code (0: answers normally). */
    void refuseWith(int code) {
        forcedException = code;
    }

    /** Takes what the master wrote; returns the answer (empty when it does not answer). */
    synchronized byte[] accept(byte[] written) {
        pending.writeBytes(written);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] all = pending.toByteArray();
        int at = 0;
        while (true) {
            int len = frameLength(all, at);
            if (len < 0) {
                errors.add("cannot frame " + GoldenBytes.format(Arrays.copyOfRange(all, at, all.length)));
                at = all.length;
                break;
            }
            if (len == 0 || at + len > all.length) break;
            out.writeBytes(frame(Arrays.copyOfRange(all, at, at + len)));
            at += len;
        }
        pending.reset();
        pending.write(all, at, all.length - at);
        return out.toByteArray();
    }

    /** 0: more bytes needed; -1: no frame this slave could read. */
    private static int frameLength(byte[] b, int at) {
        int n = b.length - at;
        if (n < 2) return 0;
        int function = b[at + 1] & 0xFF;
        if (function == ModbusRtu.WRITE_SINGLE_REGISTER) return 8;
        if (function == ModbusRtu.WRITE_MULTIPLE_REGISTERS) return n < 7 ? 0 : 9 + (b[at + 6] & 0xFF);
        return -1;
    }

    private byte[] frame(byte[] f) {
        if (!ModbusRtu.crcHolds(f)) {
            errors.add("wrong CRC in " + GoldenBytes.format(f));
            return new byte[0];
        }
        if ((f[0] & 0xFF) != unit) return new byte[0]; // another slave's
        requests.add(f);
        if (silent) return new byte[0];
        int function = f[1] & 0xFF;
        if (forcedException != 0) return exception(function, forcedException);
        int start = ((f[2] & 0xFF) << 8) | (f[3] & 0xFF);
        int[] values;
        if (function == ModbusRtu.WRITE_SINGLE_REGISTER) {
            values = new int[] {((f[4] & 0xFF) << 8) | (f[5] & 0xFF)};
        } else {
            int quantity = ((f[4] & 0xFF) << 8) | (f[5] & 0xFF);
            int count = f[6] & 0xFF;
            if (quantity < 1 || quantity > 123 || count != 2 * quantity) {
                errors.add("quantity " + quantity + " with byte count " + count);
                return exception(function, 0x03);
            }
            values = new int[quantity];
            for (int i = 0; i < quantity; i++) values[i] = ((f[7 + 2 * i] & 0xFF) << 8) | (f[8 + 2 * i] & 0xFF);
        }
        if (start < firstRegister || start + values.length > firstRegister + registerCount) return exception(function, 0x02);
        for (int v : values) {
            if (v > maxValue) return exception(function, 0x03);
        }
        for (int i = 0; i < values.length; i++) registers.put(start + i, values[i]);
        return ModbusRtu.withCrc(Arrays.copyOf(f, 6));
    }

    private byte[] exception(int function, int code) {
        return ModbusRtu.withCrc((byte) unit, (byte) (function | 0x80), (byte) code);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** The well-formed requests to this unit, in order. */
    synchronized List<byte[]> requests() {
        return List.copyOf(requests);
    }

    synchronized Integer register(int address) {
        return registers.get(address);
    }

    /** The registers as characters (an ASCII display's places), e.g. {@code " A01"}; {@code null} before the first write. */
    synchronized String asciiShown() {
        if (registers.isEmpty()) return null;
        StringBuilder b = new StringBuilder();
        for (int r = firstRegister; r < firstRegister + registerCount; r++) {
            Integer v = registers.get(r);
            b.append(v == null ? '?' : (char) v.intValue());
        }
        return b.toString();
    }
}
