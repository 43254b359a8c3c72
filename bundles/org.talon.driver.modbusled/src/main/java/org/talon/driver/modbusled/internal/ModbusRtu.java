package org.talon.driver.modbusled.internal;

import java.util.Arrays;

/**
 * Modbus RTU frames a master writes holding registers with, and the answers it reads back
 * (Modbus Application Protocol V1.1b3, functions 0x06 and 0x10; Modbus over Serial Line V1.02,
 * RTU framing and CRC). Pure functions.
 *
 * <pre>
 * 0x06 write single register:    unit, 06, register(2), value(2), CRC(2)  -- answer: the same 8 bytes
 * 0x10 write multiple registers: unit, 10, start(2), quantity(2), byte count, values(2 each), CRC(2)
 *                                                                         -- answer: unit, 10, start(2), quantity(2), CRC(2)
 * exception answer:              unit, function | 0x80, exception code, CRC(2)
 * </pre>
 *
 * Numbers are big-endian, the CRC is CRC-16/MODBUS (polynomial 0xA001 reflected, initial 0xFFFF)
 * and goes low byte first.
 */
final class ModbusRtu {
    private ModbusRtu() {
    }

    static final int WRITE_SINGLE_REGISTER = 0x06;
    static final int WRITE_MULTIPLE_REGISTERS = 0x10;
    /** Function 0x10 writes at most 123 registers (0x7B) in one frame. */
    static final int MAX_REGISTERS = 123;

    /** CRC-16/MODBUS of {@code bytes[from..to)}. */
    static int crc(byte[] bytes, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    /** The frame: {@code body} and its CRC, low byte first. */
    static byte[] withCrc(byte... body) {
        byte[] f = Arrays.copyOf(body, body.length + 2);
        int crc = crc(body, 0, body.length);
        f[body.length] = (byte) crc;
        f[body.length + 1] = (byte) (crc >>> 8);
        return f;
    }

    /** Whether the last two bytes of {@code frame} are the CRC of the rest. */
    static boolean crcHolds(byte[] frame) {
        if (frame.length < 4) return false;
        int crc = crc(frame, 0, frame.length - 2);
        return (frame[frame.length - 2] & 0xFF) == (crc & 0xFF) && (frame[frame.length - 1] & 0xFF) == crc >>> 8;
    }

    /** Function 0x06: one holding register. */
    static byte[] writeSingleRegister(int unit, int register, int value) {
        return withCrc((byte) unit, (byte) WRITE_SINGLE_REGISTER, (byte) (register >>> 8), (byte) register, (byte) (value >>> 8), (byte) value);
    }

    /** Function 0x10: {@code values.length} holding registers from {@code start}. */
    static byte[] writeMultipleRegisters(int unit, int start, int[] values) {
        if (values.length < 1 || values.length > MAX_REGISTERS) throw new IllegalArgumentException("1 to 123 registers, not " + values.length);
        byte[] body = new byte[7 + 2 * values.length];
        body[0] = (byte) unit;
        body[1] = (byte) WRITE_MULTIPLE_REGISTERS;
        body[2] = (byte) (start >>> 8);
        body[3] = (byte) start;
        body[4] = (byte) (values.length >>> 8);
        body[5] = (byte) values.length;
        body[6] = (byte) (2 * values.length);
        for (int i = 0; i < values.length; i++) {
            body[7 + 2 * i] = (byte) (values[i] >>> 8);
            body[8 + 2 * i] = (byte) values[i];
        }
        return withCrc(body);
    }

    /** The frames that write {@code values} from {@code start}: one 0x10 frame, or one 0x06 frame a register. */
    static java.util.List<byte[]> write(int unit, int function, int start, int[] values) {
        if (function == WRITE_MULTIPLE_REGISTERS) return java.util.List.of(writeMultipleRegisters(unit, start, values));
        java.util.List<byte[]> frames = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) frames.add(writeSingleRegister(unit, start + i, values[i]));
        return frames;
    }

    /** What the bytes read so far are, as the answer to {@code request}. */
    sealed interface Answer {
    }

    /** More bytes are needed. */
    record Incomplete() implements Answer {
    }

    /** Not the answer: another unit's, garbled, a wrong CRC or a wrong echo. A master drops it. */
    record Invalid(String why) implements Answer {
    }

    /** The unit did it. */
    record Done() implements Answer {
    }

    /** The unit refused, with an exception code. */
    record Refused(int code) implements Answer {
        String describe() {
            return String.format("exception %02X (%s)", code, exceptionName(code));
        }
    }

    static Answer answer(byte[] request, byte[] got) {
        if (got.length < 2) return new Incomplete();
        int unit = request[0] & 0xFF;
        int function = request[1] & 0xFF;
        if ((got[0] & 0xFF) != unit) return new Invalid("answer from unit " + (got[0] & 0xFF) + ", not " + unit);
        int f = got[1] & 0xFF;
        int length;
        if (f == function) length = 8;
        else if (f == (function | 0x80)) length = 5;
        else return new Invalid(String.format("answer to function %02X, not %02X", f, function));
        if (got.length < length) return new Incomplete();
        if (got.length > length) return new Invalid((got.length - length) + " bytes more than an answer has");
        if (!crcHolds(got)) return new Invalid("wrong CRC");
        if (f != function) return new Refused(got[2] & 0xFF);
        // 0x06 echoes the register and the value, 0x10 the start and the quantity: bytes 2 to 5 either way
        for (int i = 2; i < 6; i++) {
            if (got[i] != request[i]) return new Invalid("the answer does not echo the request");
        }
        return new Done();
    }

    /** The exception codes' names (Modbus Application Protocol V1.1b3, section 7). */
    static String exceptionName(int code) {
        return switch (code) {
            case 0x01 -> "illegal function";
            case 0x02 -> "illegal data address";
            case 0x03 -> "illegal data value";
            case 0x04 -> "server device failure";
            case 0x05 -> "acknowledge";
            case 0x06 -> "server device busy";
            case 0x08 -> "memory parity error";
            case 0x0A -> "gateway path unavailable";
            case 0x0B -> "gateway target device failed to respond";
            default -> "unknown exception";
        };
    }

    /** The silent interval that ends an RTU frame, 3.5 characters of 11 bits, at least 1.75 ms above 19200 baud; in whole ms. */
    static long silenceMillis(int baud) {
        if (baud > 19200) return 2;
        return (long) Math.ceil(3.5 * 11 * 1000.0 / baud);
    }
}
