package org.talon.driver.talonserial.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.DeviceStatus.State;
import org.talon.device.api.KeypadKey;
import org.talon.device.tck.TestConnection;
import org.talon.device.tck.TestDeviceContext;

class TalonSerialFeedbackTest {
    private static final String PORT = "serial:/dev/ttyUSB0?baud=115200&parity=none";
    private static final Duration SOON = Duration.ofSeconds(2);
    private final TestDeviceContext ctx = TestDeviceContext.atCounter();
    private final TalonSerialEmulator device = new TalonSerialEmulator("feedback");
    private TalonSerialFeedback terminal;

    @AfterEach
    void close() {
        if (terminal != null) terminal.dispose();
        ctx.close();
        assertEquals(List.of(), device.violations(), "what Talon wrote breaks the protocol");
    }

    private TestConnection online(int scale) {
        terminal = new TalonSerialFeedback(Configs.feedback(PORT, 5, scale));
        terminal.initialize(ctx);
        TestConnection c = ctx.connection();
        c.answer(device::accept);
        c.open();
        ctx.awaitStatus(State.ONLINE, SOON);
        settle();
        return c;
    }

    private void settle() {
        for (int i = 0; i < 3; i++) ctx.drain();
    }

    private static void awaitExactly(TestConnection c, byte[] expected) {
        byte[] written = c.awaitWritten(expected.length, SOON);
        assertEquals(GoldenBytes.show(expected), GoldenBytes.show(written));
    }

    private List<String> ratings() {
        return ctx.ratings().stream().map(r -> r[0] + "/" + r[1]).toList();
    }

    @Test
    void onlineTerminalIsToldItIsIdle() {
        TestConnection c = online(5);
        assertEquals(GoldenBytes.show(GoldenBytes.concat(GoldenBytes.read(TalonSerialFeedbackTest.class, "/ping.hex"), GoldenBytes.read(TalonSerialFeedbackTest.class, "/idle.hex"))), GoldenBytes.show(c.written()));
    }

    @Test
    void inviteAsksForTheTicketAndNoTicketIsIdle() {
        TestConnection c = online(5);
        c.take();
        terminal.invite("A001");
        awaitExactly(c, GoldenBytes.read(TalonSerialFeedbackTest.class, "/ask.hex"));
        settle();
        assertEquals("A001", device.asked());
        c.take();
        terminal.invite(null);
        awaitExactly(c, GoldenBytes.read(TalonSerialFeedbackTest.class, "/idle.hex"));
        settle();
        assertNull(device.asked());
    }

    @Test
    void aCyrillicTicketIsAskedInAscii() {
        TestConnection c = online(5);
        c.take();
        terminal.invite("Б012");
        awaitExactly(c, "ASK B012\n".getBytes());
    }

    @Test
    void theFirstRatingOfAnInvitationIsReported() {
        TestConnection c = online(5);
        terminal.invite("A001");
        settle();
        c.send(GoldenBytes.read(TalonSerialFeedbackTest.class, "/feedback-ratings.hex"));
        settle();
        assertEquals(List.of("4/5"), ratings());
        assertEquals(1, terminal.ignoredLines(), "the second rating of the same invitation");
        terminal.invite("A002");
        c.send(device.rate(5, 5));
        settle();
        assertEquals(List.of("4/5", "5/5"), ratings());
    }

    @Test
    void ratingsOutsideTheScaleAreIgnored() {
        TestConnection c = online(5);
        terminal.invite("A001");
        settle();
        c.send("RATE 6/5\nRATE 0/5\nRATE 3/10\nRATE 3\nRATE -1/5\n".getBytes());
        settle();
        assertEquals(List.of(), ratings());
        assertEquals(5, terminal.ignoredLines());
        assertEquals(DeviceStatus.online(), ctx.status());
        c.send(device.rate(3, 5));
        settle();
        assertEquals(List.of("3/5"), ratings(), "the invitation still stands");
    }

    @Test
    void aScaleOfThreeTakesRatingsOfThree() {
        TestConnection c = online(3);
        terminal.invite("A001");
        settle();
        c.send(device.rate(4, 5));
        c.send(device.rate(3, 3));
        settle();
        assertEquals(List.of("3/3"), ratings());
    }

    @Test
    void aRatingNobodyWasInvitedToGiveIsIgnored() {
        TestConnection c = online(5);
        c.send(device.rate(2, 5));
        terminal.invite("A001");
        terminal.invite(null);
        c.send(device.rate(1, 5));
        settle();
        assertEquals(List.of(), ratings());
        assertEquals(2, terminal.ignoredLines());
    }

    @Test
    void keysAreNotAFeedbackTerminalsMessage() {
        TestConnection c = online(5);
        c.send(new TalonSerialEmulator("combo").press(KeypadKey.CALL));
        settle();
        assertEquals(List.of(), ctx.keys());
        assertEquals(1, terminal.ignoredLines());
    }

    @Test
    void aRestartedTerminalIsAskedAgainUntilItRated() {
        TestConnection c = online(5);
        terminal.invite("A001");
        settle();
        c.take();
        c.send(device.boot());
        awaitExactly(c, GoldenBytes.read(TalonSerialFeedbackTest.class, "/ask.hex"));
        settle();
        assertEquals("A001", device.asked());
        c.send(device.rate(5, 5));
        settle();
        c.take();
        c.send(device.boot());
        awaitExactly(c, GoldenBytes.read(TalonSerialFeedbackTest.class, "/idle.hex"));
    }

    @Test
    void afterAReconnectHelloMakesItOnlineAndTheInvitationIsSentAgain() {
        TestConnection c = online(5);
        terminal.invite("A001");
        settle();
        c.drop("port /dev/ttyUSB0 is gone");
        assertEquals(DeviceStatus.offline("port /dev/ttyUSB0 is gone"), ctx.status());
        c.take();
        device.deaf(true);
        c.open();
        settle();
        c.send(device.boot());
        ctx.awaitStatus(State.ONLINE, SOON);
        awaitExactly(c, GoldenBytes.concat(GoldenBytes.read(TalonSerialFeedbackTest.class, "/ping.hex"), GoldenBytes.read(TalonSerialFeedbackTest.class, "/ask.hex")));
    }

    @Test
    void aComboDeviceCanBeTheFeedbackTerminal() {
        terminal = new TalonSerialFeedback(Configs.feedback(PORT, 5, 5));
        terminal.initialize(ctx);
        TestConnection c = ctx.connection();
        c.open();
        c.send(new TalonSerialEmulator("combo").boot());
        ctx.awaitStatus(State.ONLINE, SOON);
        assertTrue(c.isConnected());
    }

    @Test
    void disposeClosesTheConnection() {
        TestConnection c = online(5);
        terminal.dispose();
        assertTrue(c.isClosed());
        terminal.invite("A001"); // after dispose: nothing, and no exception
        settle();
        assertArrayEquals(GoldenBytes.concat(GoldenBytes.read(TalonSerialFeedbackTest.class, "/ping.hex"), GoldenBytes.read(TalonSerialFeedbackTest.class, "/idle.hex")), c.written());
        terminal = null;
    }
}
