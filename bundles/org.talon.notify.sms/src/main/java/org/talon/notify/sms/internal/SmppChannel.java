package org.talon.notify.sms.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.NotificationChannel;
import org.talon.notify.api.OutgoingMessage;

/**
 * The SMS channel over SMPP 3.4 (jSMPP): bound as a transmitter when the first message comes and
 * kept bound (enquire_link keeps the line alive); each message is one {@code submit_sm}, or one
 * per part of a long text. A bind that is lost (the SMSC closed it, the network broke) is made
 * again at the next message; a message whose submit failed because the line broke is sent once
 * more on the new bind. Active while {@code org.talon.notify.sms.smpp} is configured.
 */
@Component(configurationPid = SmppChannel.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = NotificationChannel.KIND + "=sms")
@Designate(ocd = SmppChannel.Config.class)
public final class SmppChannel implements NotificationChannel {
    static final String PID = "org.talon.notify.sms.smpp";
    private static final Logger LOG = Logger.getLogger(SmppChannel.class.getName());

    @ObjectClassDefinition(name = "Talon SMS channel (SMPP)", description = "The SMSC Talon's text messages are submitted to over SMPP 3.4")
    public @interface Config {
        @AttributeDefinition(description = "The SMSC's host name")
        String host();

        @AttributeDefinition(description = "Its SMPP port", min = "1", max = "65535")
        int port() default 2775;

        @AttributeDefinition(description = "The system_id Talon binds with")
        String systemId();

        @AttributeDefinition(description = "The password Talon binds with", type = AttributeType.PASSWORD, required = false)
        String password() default "";

        @AttributeDefinition(description = "The system_type, if the SMSC wants one", required = false)
        String systemType() default "";

        @AttributeDefinition(description = "The sender: a number (+48600100200) or a name of up to 11 letters and digits (Talon)")
        String sourceAddress();

        @AttributeDefinition(description = "auto: the default alphabet for plain ASCII texts, UCS-2 for any other; ucs2: always UCS-2",
                options = {
                    @org.osgi.service.metatype.annotations.Option(label = "Automatic", value = "auto"),
                    @org.osgi.service.metatype.annotations.Option(label = "Always UCS-2", value = "ucs2")})
        String alphabet() default "auto";

        @AttributeDefinition(description = "How long to wait for the connection and the bind (seconds)", min = "1")
        int bindTimeoutSeconds() default 10;

        @AttributeDefinition(description = "How long to wait for the SMSC's answer to a message (seconds)", min = "1")
        int responseTimeoutSeconds() default 10;

        @AttributeDefinition(description = "How often the bound line is checked with enquire_link (seconds)", min = "1")
        int enquireLinkSeconds() default 30;
    }

    record Settings(String host, int port, String systemId, String password, String systemType, String source, TypeOfNumber sourceTon,
            NumberingPlanIndicator sourceNpi, boolean alwaysUcs2, int bindTimeoutMs, int responseTimeoutMs, int enquireLinkMs) {
        static Settings of(Config c) {
            String host = strip(c.host());
            if (host.isEmpty()) throw new IllegalArgumentException(PID + ": host is not set");
            String systemId = strip(c.systemId());
            if (systemId.isEmpty()) throw new IllegalArgumentException(PID + ": systemId is not set");
            String src = strip(c.sourceAddress());
            if (src.isEmpty()) throw new IllegalArgumentException(PID + ": sourceAddress is not set");
            TypeOfNumber ton;
            NumberingPlanIndicator npi;
            if (src.matches("\\+?[0-9]{3,20}")) {
                ton = src.startsWith("+") ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.UNKNOWN;
                npi = NumberingPlanIndicator.ISDN;
                src = src.startsWith("+") ? src.substring(1) : src;
            } else if (src.matches("[A-Za-z0-9 ]{1,11}")) {
                ton = TypeOfNumber.ALPHANUMERIC;
                npi = NumberingPlanIndicator.UNKNOWN;
            } else {
                throw new IllegalArgumentException(PID + ": sourceAddress is a number or up to 11 letters and digits, not " + c.sourceAddress());
            }
            // SMPP 3.4 (5.2.1-5.2.3): jSMPP refuses longer values at every bind
            String password = c.password() == null ? "" : c.password();
            atMost(systemId, 15, "systemId");
            atMost(password, 8, "password");
            atMost(strip(c.systemType()), 12, "systemType");
            String alphabet = strip(c.alphabet()).toLowerCase(Locale.ROOT);
            if (!alphabet.equals("auto") && !alphabet.equals("ucs2")) throw new IllegalArgumentException(PID + ": alphabet is auto or ucs2");
            return new Settings(host, c.port(), systemId, password, strip(c.systemType()), src, ton, npi,
                    alphabet.equals("ucs2"), Math.max(1, c.bindTimeoutSeconds()) * 1000, Math.max(1, c.responseTimeoutSeconds()) * 1000,
                    Math.max(1, c.enquireLinkSeconds()) * 1000);
        }

        private static String strip(String s) {
            return s == null ? "" : s.strip();
        }

        private static void atMost(String value, int max, String key) {
            if (value.length() > max) throw new IllegalArgumentException(PID + ": " + key + " has at most " + max + " characters in SMPP 3.4");
        }
    }

    private volatile Settings settings;
    private SMPPSession session;

    @Activate
    @Modified
    synchronized void configure(Config c) {
        settings = Settings.of(c);
        close(); // bound again with these settings at the next message
    }

    @Deactivate
    synchronized void deactivate() {
        close();
    }

    /** Whether it is bound now (tests, status). */
    synchronized boolean bound() {
        return session != null && session.getSessionState().isBound();
    }

    @Override
    public synchronized void send(OutgoingMessage m) throws Exception {
        if (m.recipient().kind() != ContactAddress.Kind.PHONE) {
            throw new IllegalArgumentException("the SMS channel sends to phone numbers, not to " + m.recipient().kind());
        }
        Settings s = settings;
        boolean wasBound = bound();
        SMPPSession ses = session(s);
        try {
            submit(ses, s, m);
        } catch (IOException e) {
            // the line broke under an old bind: bind again and send once more
            close();
            if (!wasBound) throw e;
            LOG.info("The SMPP bind to " + s.host + ":" + s.port + " was lost; binding again");
            submit(session(s), s, m);
        } catch (org.jsmpp.extra.ResponseTimeoutException e) {
            close(); // a line that does not answer is bound again at the next message
            throw new IOException("the SMSC did not answer within " + s.responseTimeoutMs / 1000 + " s", e);
        } catch (NegativeResponseException e) {
            throw new IOException("the SMSC refused the message: command status " + e.getCommandStatus() + " (" + e.getMessage() + ")", e);
        }
    }

    private static void submit(SMPPSession ses, Settings s, OutgoingMessage m) throws Exception {
        String to = m.recipient().value().startsWith("+") ? m.recipient().value().substring(1) : m.recipient().value();
        boolean ucs2 = s.alwaysUcs2 || !SmsText.plain(m.text());
        List<SmsText.Part> parts = SmsText.parts(m.text(), ucs2, ThreadLocalRandom.current().nextInt(256));
        GeneralDataCoding coding = new GeneralDataCoding(ucs2 ? Alphabet.ALPHA_UCS2 : Alphabet.ALPHA_DEFAULT);
        for (SmsText.Part p : parts) {
            ESMClass esm = p.udh() ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI) : new ESMClass();
            ses.submitShortMessage("", s.sourceTon, s.sourceNpi, s.source, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, esm,
                    (byte) 0, (byte) 0, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, coding, (byte) 0,
                    p.bytes());
        }
    }

    /** The bound session, bound now when there is none. */
    private SMPPSession session(Settings s) throws IOException {
        if (session != null && session.getSessionState().isBound()) return session;
        close();
        SMPPSession ses = new SMPPSession();
        ses.setTransactionTimer(s.responseTimeoutMs);
        ses.setEnquireLinkTimer(s.enquireLinkMs);
        ses.addSessionStateListener((now, before, source) -> {
            if (!now.isBound() && before.isBound()) LOG.info("The SMPP bind to " + s.host + ":" + s.port + " ended (" + now + ")");
        });
        try {
            ses.connectAndBind(s.host, s.port, new BindParameter(BindType.BIND_TX, s.systemId, s.password, s.systemType,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), s.bindTimeoutMs);
        } catch (IOException e) {
            ses.close();
            throw new IOException("cannot bind to the SMSC at " + s.host + ":" + s.port + ": " + e.getMessage(), e);
        }
        session = ses;
        return ses;
    }

    private void close() {
        SMPPSession ses = session;
        session = null;
        if (ses == null) return;
        try {
            if (ses.getSessionState().isBound()) ses.unbindAndClose();
            else ses.close();
        } catch (RuntimeException e) {
            ses.close();
        }
    }
}
