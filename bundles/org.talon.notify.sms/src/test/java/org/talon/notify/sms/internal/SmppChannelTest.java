package org.talon.notify.sms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.OutgoingMessage;

/** The SMPP channel against a real SMPP server (jSMPP's server side) started in the test. */
class SmppChannelTest {
    TestSmsc smsc;
    SmppChannel channel;

    @AfterEach
    void stop() throws Exception {
        if (channel != null) channel.deactivate();
        if (smsc != null) smsc.close();
    }

    SmppChannel channel(Map<String, Object> more) {
        Map<String, Object> c = new HashMap<>(Map.of("host", "127.0.0.1", "port", smsc.port, "systemId", "talon", "password", "pw",
                "sourceAddress", "Talon", "bindTimeoutSeconds", 3, "responseTimeoutSeconds", 3));
        c.putAll(more);
        SmppChannel ch = new SmppChannel();
        ch.configure(Configs.of(SmppChannel.Config.class, c));
        return ch;
    }

    static OutgoingMessage sms(String to, String text) {
        return new OutgoingMessage("m", ContactAddress.parse(to), null, null, text, List.of());
    }

    SubmitSm next() throws InterruptedException {
        SubmitSm s = smsc.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(s, "the SMSC received no submit_sm");
        return s;
    }

    @Test
    void aRussianTextIsSubmittedInUcs2ToTheInternationalNumber() throws Exception {
        smsc = new TestSmsc("talon", "pw");
        channel = channel(Map.of());
        String text = "Талон A017 вызван: Окно 3 (Центр). Пожалуйста, пройдите.";
        channel.send(sms("+48 600 100 200", text));
        SubmitSm s = next();
        assertEquals(0x08, s.getDataCoding());
        assertEquals(text, new String(s.getShortMessage(), StandardCharsets.UTF_16BE));
        assertEquals("48600100200", s.getDestAddress());
        assertEquals(TypeOfNumber.INTERNATIONAL.value(), s.getDestAddrTon());
        assertEquals("Talon", s.getSourceAddr());
        assertEquals(TypeOfNumber.ALPHANUMERIC.value(), s.getSourceAddrTon());
        assertEquals(1, smsc.binds.get());
        assertTrue(channel.bound());
    }

    @Test
    void polishLettersAreUcs2TooAndPlainAsciiIsTheDefaultAlphabet() throws Exception {
        smsc = new TestSmsc("talon", "pw");
        channel = channel(Map.of());
        channel.send(sms("+48600100200", "Bilet A017 wywołany: Okienko 3. Prosimy podejść."));
        SubmitSm pl = next();
        assertEquals(0x08, pl.getDataCoding());
        assertEquals("Bilet A017 wywołany: Okienko 3. Prosimy podejść.", new String(pl.getShortMessage(), StandardCharsets.UTF_16BE));
        channel.send(sms("+48600100200", "Ticket A017 is called: please go to Window 3 now."));
        SubmitSm en = next();
        assertEquals(0x00, en.getDataCoding());
        assertEquals("Ticket A017 is called: please go to Window 3 now.", new String(en.getShortMessage(), StandardCharsets.US_ASCII));
        assertEquals(1, smsc.binds.get(), "one bind for both");
    }

    @Test
    void aLongTextGoesInConcatenatedPartsThatMakeItWhole() throws Exception {
        smsc = new TestSmsc("talon", "pw");
        channel = channel(Map.of());
        String text = "Przypomnienie: Sprawy meldunkowe, wtorek 8 grudnia 2026, 09:00, Urząd Dzielnicy Śródmieście, ul. Długa 5."
                + " Kod K7MRT4. Po przyjściu zamelduj się w kiosku.";
        assertTrue(text.length() > 2 * SmsText.PART_UCS2);
        channel.send(sms("+48600100200", text));
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int total = -1;
        for (int n = 1; total < 0 || n <= total; n++) {
            SubmitSm s = next();
            assertEquals(0x40, s.getEsmClass() & 0x40, "UDHI set");
            assertEquals(0x08, s.getDataCoding());
            byte[] b = s.getShortMessage();
            assertEquals(0x05, b[0]);
            total = b[4];
            assertEquals(n, b[5]);
            assertTrue(b.length - 6 <= 134);
            whole.write(Arrays.copyOfRange(b, 6, b.length));
        }
        assertEquals(3, total);
        assertEquals(text, whole.toString(StandardCharsets.UTF_16BE));
    }

    @Test
    void aLostBindIsMadeAgainAndTheMessageStillGoes() throws Exception {
        smsc = new TestSmsc("talon", "pw");
        channel = channel(Map.of());
        channel.send(sms("+48600100200", "first"));
        next();
        smsc.dropSessions();
        for (int i = 0; i < 50 && channel.bound(); i++) Thread.sleep(100);
        channel.send(sms("+48600100200", "Второе сообщение"));
        assertEquals("Второе сообщение", new String(next().getShortMessage(), StandardCharsets.UTF_16BE));
        assertEquals(2, smsc.binds.get());
    }

    @Test
    void aRefusedBindOrAnSmscThatIsDownIsAFailure() throws Exception {
        smsc = new TestSmsc("talon", "other");
        channel = channel(Map.of());
        Exception e = assertThrows(Exception.class, () -> channel.send(sms("+48600100200", "x")));
        assertTrue(e.getMessage().contains("bind"), e.getMessage());
        assertFalse(channel.bound());
        int port = smsc.port;
        smsc.close();
        smsc = null;
        SmppChannel down = new SmppChannel();
        down.configure(Configs.of(SmppChannel.Config.class, Map.of("host", "127.0.0.1", "port", port, "systemId", "talon",
                "sourceAddress", "+48500000000", "bindTimeoutSeconds", 2)));
        assertThrows(Exception.class, () -> down.send(sms("+48600100200", "x")));
        down.deactivate();
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SmppChannel().configure(
                Configs.of(SmppChannel.Config.class, Map.of("host", "h", "systemId", "s", "sourceAddress", "Talon Service Centre"))));
        assertTrue(e.getMessage().contains("sourceAddress"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SmppChannel().configure(
                Configs.of(SmppChannel.Config.class, Map.of("host", "", "systemId", "s", "sourceAddress", "Talon"))));
        assertTrue(e.getMessage().contains("host"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SmppChannel().configure(
                Configs.of(SmppChannel.Config.class, Map.of("host", "h", "systemId", "s", "password", "smpp-secret", "sourceAddress", "Talon"))));
        assertTrue(e.getMessage().contains("password has at most 8"), e.getMessage());
    }
}
