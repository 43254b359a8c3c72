package org.talon.notify.smtp.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.Attachment;
import org.talon.notify.api.NotificationChannel;
import org.talon.notify.api.OutgoingMessage;

/**
 * The e-mail channel: each message is one SMTP session (connect, log in when configured, send,
 * quit), a plain text body in UTF-8 and the message's attachments. Active while
 * {@code org.talon.notify.smtp} is configured.
 */
@Component(configurationPid = SmtpChannel.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = NotificationChannel.KIND + "=email")
@Designate(ocd = SmtpChannel.Config.class)
public final class SmtpChannel implements NotificationChannel {
    static final String PID = "org.talon.notify.smtp";

    @ObjectClassDefinition(name = "Talon e-mail channel (SMTP)", description = "The mail server Talon's notifications are sent through")
    public @interface Config {
        @AttributeDefinition(description = "The SMTP server's host name")
        String host();

        @AttributeDefinition(description = "Its port: 25 (plain), 587 (submission, STARTTLS), 465 (SSL)", min = "1", max = "65535")
        int port() default 587;

        @AttributeDefinition(description = "starttls: the server must offer STARTTLS; ssl: TLS from the start (port 465); none: plain",
                options = {
                    @org.osgi.service.metatype.annotations.Option(label = "STARTTLS", value = "starttls"),
                    @org.osgi.service.metatype.annotations.Option(label = "SSL/TLS", value = "ssl"),
                    @org.osgi.service.metatype.annotations.Option(label = "None", value = "none")})
        String security() default "starttls";

        @AttributeDefinition(description = "The sender's address, e.g. queue@example.org")
        String from();

        @AttributeDefinition(description = "The sender's name")
        String fromName() default "Talon";

        @AttributeDefinition(description = "The login name; empty: no login", required = false)
        String username() default "";

        @AttributeDefinition(description = "The password", type = AttributeType.PASSWORD, required = false)
        String password() default "";

        @AttributeDefinition(description = "How long to wait for the connection (seconds)", min = "1")
        int connectTimeoutSeconds() default 10;

        @AttributeDefinition(description = "How long to wait for each of the server's answers (seconds)", min = "1")
        int timeoutSeconds() default 30;
    }

    /** The settings in force. */
    record Settings(String host, int port, String security, InternetAddress from, String username, String password, int connectTimeout,
            int timeout) {
        static Settings of(Config c) {
            String host = c.host() == null ? "" : c.host().strip();
            if (host.isEmpty()) throw new IllegalArgumentException(PID + ": host is not set");
            String security = c.security() == null ? "starttls" : c.security().strip().toLowerCase(Locale.ROOT);
            if (!List.of("none", "starttls", "ssl").contains(security)) {
                throw new IllegalArgumentException(PID + ": security is none, starttls or ssl, not " + c.security());
            }
            if (c.from() == null || c.from().isBlank()) throw new IllegalArgumentException(PID + ": from is not set");
            InternetAddress from;
            try {
                from = new InternetAddress(c.from().strip(), true);
                if (c.fromName() != null && !c.fromName().isBlank()) from.setPersonal(c.fromName().strip(), "UTF-8");
            } catch (MessagingException | UnsupportedEncodingException e) {
                throw new IllegalArgumentException(PID + ": from is not an e-mail address: " + c.from(), e);
            }
            return new Settings(host, c.port(), security, from, c.username() == null ? "" : c.username().strip(),
                    c.password() == null ? "" : c.password(), Math.max(1, c.connectTimeoutSeconds()) * 1000,
                    Math.max(1, c.timeoutSeconds()) * 1000);
        }
    }

    private volatile Settings settings;
    /**
     * Jakarta Mail finds its providers (the SMTP transport, the stream provider) and Jakarta
     * Activation its mailcap through the thread's context class loader and ServiceLoader; in OSGi
     * no single bundle sees both implementations, so a loader that asks each of them is set while
     * a message is made and sent.
     */
    private final ClassLoader mailLoader = new Loaders(SmtpChannel.class.getClassLoader(),
            org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader(),
            org.eclipse.angus.activation.MailcapRegistryProviderImpl.class.getClassLoader(),
            Session.class.getClassLoader(), DataHandler.class.getClassLoader());

    @Activate
    @Modified
    public void configure(Config c) {
        // a sender's name that is not ASCII (Urząd) is MIME-encoded at once, which needs Angus' stream provider
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(mailLoader);
        try {
            settings = Settings.of(c);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Override
    public void send(OutgoingMessage m) throws Exception {
        if (m.recipient().kind() != ContactAddress.Kind.EMAIL) {
            throw new IllegalArgumentException("the e-mail channel sends to e-mail addresses, not to " + m.recipient().kind());
        }
        Settings s = settings;
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(mailLoader);
        try {
            Session session = Session.getInstance(properties(s));
            MimeMessage msg = message(session, s, m);
            try (Transport tr = session.getTransport(s.security.equals("ssl") ? "smtps" : "smtp")) {
                if (s.username.isEmpty()) tr.connect(s.host, s.port, null, null);
                else tr.connect(s.host, s.port, s.username, s.password);
                tr.sendMessage(msg, msg.getAllRecipients());
            }
        } finally {
            t.setContextClassLoader(before);
        }
    }

    static Properties properties(Settings s) {
        Properties p = new Properties();
        String proto = s.security.equals("ssl") ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", s.host);
        p.put("mail." + proto + ".port", Integer.toString(s.port));
        p.put("mail." + proto + ".auth", Boolean.toString(!s.username.isEmpty()));
        p.put("mail." + proto + ".connectiontimeout", Integer.toString(s.connectTimeout));
        p.put("mail." + proto + ".timeout", Integer.toString(s.timeout));
        p.put("mail." + proto + ".writetimeout", Integer.toString(s.timeout));
        p.put("mail." + proto + ".from", s.from.getAddress());
        if (s.security.equals("starttls")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (!s.security.equals("none")) p.put("mail." + proto + ".ssl.checkserveridentity", "true");
        return p;
    }

    static MimeMessage message(Session session, Settings s, OutgoingMessage m) throws MessagingException, UnsupportedEncodingException {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(s.from);
        InternetAddress to = new InternetAddress(m.recipient().value(), true);
        if (m.recipientName() != null && !m.recipientName().isBlank()) to.setPersonal(m.recipientName().strip(), "UTF-8");
        msg.setRecipient(Message.RecipientType.TO, to);
        msg.setSubject(m.subject() == null ? "" : m.subject(), "UTF-8");
        msg.setSentDate(new Date());
        msg.setHeader("X-Talon-Notification", m.id());
        if (m.attachments().isEmpty()) {
            msg.setText(m.text(), "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(m.text(), "UTF-8");
            mixed.addBodyPart(body);
            for (Attachment a : m.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                part.setFileName(a.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            msg.setContent(mixed);
        }
        msg.saveChanges();
        return msg;
    }

    /** A class loader that asks several in turn, for classes and for resources (ServiceLoader's files). */
    static final class Loaders extends ClassLoader {
        private final List<ClassLoader> loaders = new ArrayList<>();

        Loaders(ClassLoader... loaders) {
            super(null);
            for (ClassLoader l : loaders) if (l != null && !this.loaders.contains(l)) this.loaders.add(l);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (ClassLoader l : loaders) {
                try {
                    return l.loadClass(name);
                } catch (ClassNotFoundException next) {
                    // the next one
                }
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            for (ClassLoader l : loaders) {
                URL u = l.getResource(name);
                if (u != null) return u;
            }
            return null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            // by their text: URL.equals may look host names up
            java.util.Map<String, URL> all = new java.util.LinkedHashMap<>();
            for (ClassLoader l : loaders) {
                for (Enumeration<URL> e = l.getResources(name); e.hasMoreElements();) {
                    URL u = e.nextElement();
                    all.putIfAbsent(u.toString(), u);
                }
            }
            return java.util.Collections.enumeration(all.values());
        }
    }
}
