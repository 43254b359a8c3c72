package org.talon.notify.smtp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.Attachment;
import org.talon.notify.api.OutgoingMessage;

/** The e-mail channel against a real SMTP server (GreenMail) started in the test. */
class SmtpChannelTest {
    GreenMail mail;

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    GreenMail start(int port) {
        GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    @AfterEach
    void stop() {
        if (mail != null) mail.stop();
    }

    static SmtpChannel channel(int port, Map<String, Object> more) {
        Map<String, Object> c = new HashMap<>(Map.of("host", "127.0.0.1", "port", port, "security", "none", "from", "queue@talon.test",
                "fromName", "Urząd Miasta", "connectTimeoutSeconds", 2, "timeoutSeconds", 5));
        c.putAll(more);
        SmtpChannel ch = new SmtpChannel();
        ch.configure(Configs.of(SmtpChannel.Config.class, c));
        return ch;
    }

    static byte[] bytes(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    @Test
    void aMessageWithItsInvitationIsReceivedByTheServerInUtf8() throws Exception {
        int port = freePort();
        mail = start(port);
        byte[] ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        String text = "Dzień dobry, Łucja!\n\nTwoja wizyta jest zarezerwowana.\nKod rezerwacji: K7MRT4";
        channel(port, Map.of()).send(new OutgoingMessage("m-1", ContactAddress.parse("Lucja@Example.PL"), "Łucja Żak",
                "Twoja wizyta 8 grudnia: kod K7MRT4", text,
                List.of(new Attachment("invite.ics", "text/calendar; charset=UTF-8; method=REQUEST", ics))));

        assertTrue(mail.waitForIncomingEmail(5000, 1));
        MimeMessage got = mail.getReceivedMessages()[0];
        assertEquals("Twoja wizyta 8 grudnia: kod K7MRT4", got.getSubject());
        InternetAddress from = (InternetAddress) got.getFrom()[0];
        assertEquals("queue@talon.test", from.getAddress());
        assertEquals("Urząd Miasta", from.getPersonal());
        Address[] to = got.getAllRecipients();
        assertEquals("lucja@example.pl", ((InternetAddress) to[0]).getAddress());
        assertEquals("Łucja Żak", ((InternetAddress) to[0]).getPersonal());
        assertEquals("m-1", got.getHeader("X-Talon-Notification")[0]);

        Multipart parts = (Multipart) got.getContent();
        assertEquals(2, parts.getCount());
        Part body = parts.getBodyPart(0);
        assertTrue(body.isMimeType("text/plain"), body.getContentType());
        assertEquals(text.replace("\n", "\r\n"), ((String) body.getContent()).replace("\r\n", "\n").replace("\n", "\r\n"));
        Part invite = parts.getBodyPart(1);
        assertEquals("invite.ics", invite.getFileName());
        assertEquals(Part.ATTACHMENT, invite.getDisposition());
        assertTrue(invite.isMimeType("text/calendar"), invite.getContentType());
        assertTrue(invite.getContentType().toLowerCase().contains("method=request"), invite.getContentType());
        assertArrayEquals(ics, bytes(invite.getInputStream()));
    }

    @Test
    void aMessageWithoutAttachmentsIsPlainText() throws Exception {
        int port = freePort();
        mail = start(port);
        channel(port, Map.of()).send(new OutgoingMessage("m-2", ContactAddress.parse("anna@example.org"), null, "Талон A017 вызван: Окно 3",
                "Ваш талон A017 вызван. Пожалуйста, пройдите сейчас: Окно 3.", List.of()));
        assertTrue(mail.waitForIncomingEmail(5000, 1));
        MimeMessage got = mail.getReceivedMessages()[0];
        assertTrue(got.isMimeType("text/plain"), got.getContentType());
        assertEquals("Талон A017 вызван: Окно 3", got.getSubject());
        assertEquals("Ваш талон A017 вызван. Пожалуйста, пройдите сейчас: Окно 3.", ((String) got.getContent()).strip());
    }

    @Test
    void aServerThatIsDownIsAFailureTheOutboxTriesAgain() throws Exception {
        int port = freePort();
        SmtpChannel ch = channel(port, Map.of());
        assertThrows(Exception.class, () -> ch.send(new OutgoingMessage("m-3", ContactAddress.parse("anna@example.org"), null, "s", "t",
                List.of())));
    }

    @Test
    void itLogsInWhenAUserIsConfigured() throws Exception {
        int port = freePort();
        mail = start(port);
        mail.setUser("queue@talon.test", "queue", "s3cret");
        channel(port, Map.of("username", "queue", "password", "s3cret")).send(new OutgoingMessage("m-4",
                ContactAddress.parse("anna@example.org"), null, "s", "t", List.of()));
        assertTrue(mail.waitForIncomingEmail(5000, 1));
        // the server accepts mail without a login too: a wrong password shows that the channel does log in
        assertThrows(Exception.class, () -> channel(port, Map.of("username", "queue", "password", "wrong")).send(new OutgoingMessage("m-4b",
                ContactAddress.parse("anna@example.org"), null, "s", "t", List.of())));
    }

    @Test
    void aChannelThatSendsToPhonesOrHasNoHostIsRefused() {
        SmtpChannel ch = channel(25, Map.of());
        assertThrows(IllegalArgumentException.class, () -> ch.send(new OutgoingMessage("m-5", ContactAddress.parse("+48600100200"), null,
                "s", "t", List.of())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> channel(25, Map.of("host", " ")));
        assertTrue(e.getMessage().contains("host"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> channel(25, Map.of("security", "tls13")));
        assertTrue(e.getMessage().contains("security"), e.getMessage());
    }
}
