package org.talon.driver.modbusled.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModbusRtuTest {

    @Test
    void crcOfThePublishedExampleIsC5CD() {
        byte[] frame = GoldenBytes.read(ModbusRtuTest.class, "/frames/crc-example.hex"); // 01 03 00 00 00 0A C5 CD
        assertEquals(0xCDC5, ModbusRtu.crc(frame, 0, 6));
        assertArrayEquals(frame, ModbusRtu.withCrc(Arrays.copyOf(frame, 6)), "the CRC goes low byte first");
        assertTrue(ModbusRtu.crcHolds(frame));
    }

    @Test
    void crcOfTheReadHoldingRegistersExampleIs7687() {
        byte[] frame = GoldenBytes.read(ModbusRtuTest.class, "/frames/crc-example-2.hex"); // 11 03 00 6B 00 03 76 87
        assertArrayEquals(frame, ModbusRtu.withCrc(Arrays.copyOf(frame, 6)));
    }

    @Test
    void aFlippedBitBreaksTheCrc() {
        byte[] frame = GoldenBytes.read(ModbusRtuTest.class, "/frames/crc-example.hex");
        frame[3] ^= 0x01;
        assertTrue(!ModbusRtu.crcHolds(frame));
    }

    @Test
    void writeMultipleRegistersFrame() {
        assertArrayEquals(GoldenBytes.read(ModbusRtuTest.class, "/frames/counter-ascii-fc16.hex"), ModbusRtu.writeMultipleRegisters(1, 0, new int[] {'A', '0', '0', '1'}));
    }

    @Test
    void writeSingleRegisterFramesOneARegister() {
        List<byte[]> frames = ModbusRtu.write(1, 6, 0, new int[] {'A', '0', '0', '1'});
        byte[] all = new byte[frames.size() * 8];
        for (int i = 0; i < frames.size(); i++) System.arraycopy(frames.get(i), 0, all, 8 * i, 8);
        assertArrayEquals(GoldenBytes.read(ModbusRtuTest.class, "/frames/counter-ascii-fc06.hex"), all);
    }

    @Test
    void answersAreRecognised() {
        byte[] request = GoldenBytes.read(ModbusRtuTest.class, "/frames/counter-ascii-fc16.hex");
        byte[] done = GoldenBytes.read(ModbusRtuTest.class, "/frames/answer-fc16.hex");
        assertInstanceOf(ModbusRtu.Incomplete.class, ModbusRtu.answer(request, Arrays.copyOf(done, 5)));
        assertInstanceOf(ModbusRtu.Done.class, ModbusRtu.answer(request, done));
        ModbusRtu.Answer refused = ModbusRtu.answer(request, GoldenBytes.read(ModbusRtuTest.class, "/frames/answer-exception-02.hex"));
        assertEquals("exception 02 (illegal data address)", ((ModbusRtu.Refused) refused).describe());
        byte[] garbled = done.clone();
        garbled[7] ^= 0x40;
        assertEquals(new ModbusRtu.Invalid("wrong CRC"), ModbusRtu.answer(request, garbled));
        byte[] otherUnit = ModbusRtu.withCrc((byte) 2, (byte) 0x10, (byte) 0, (byte) 0, (byte) 0, (byte) 4);
        assertInstanceOf(ModbusRtu.Invalid.class, ModbusRtu.answer(request, otherUnit));
        byte[] wrongQuantity = ModbusRtu.withCrc((byte) 1, (byte) 0x10, (byte) 0, (byte) 0, (byte) 0, (byte) 3);
        assertEquals(new ModbusRtu.Invalid("the answer does not echo the request"), ModbusRtu.answer(request, wrongQuantity));
    }

    @Test
    void theEchoOfWriteSingleRegisterIsTheRequest() {
        byte[] request = ModbusRtu.writeSingleRegister(1, 0, 12);
        assertArrayEquals(GoldenBytes.read(ModbusRtuTest.class, "/frames/number-fc06.hex"), request);
        assertInstanceOf(ModbusRtu.Done.class, ModbusRtu.answer(request, request.clone()));
    }

    @Test
    void silenceBetweenFramesIsThreeAndAHalfCharacters() {
        assertEquals(5, ModbusRtu.silenceMillis(9600)); // 3.5 * 11 bits / 9600 = 4.01 ms
        assertEquals(33, ModbusRtu.silenceMillis(1200));
        assertEquals(2, ModbusRtu.silenceMillis(115200)); // fixed 1.75 ms above 19200
    }
}
