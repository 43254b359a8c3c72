package org.talon.driver.talonserial.internal;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.talon.device.api.DeviceContext;
import org.talon.device.api.FeedbackTerminal;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.DeviceLine;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Rate;

/**
 * A home-built feedback terminal: {@link #invite} becomes {@code ASK <ticket>} (or {@code IDLE}),
 * and the first {@code RATE n/scale} after it, with n from 1 to the configured scale, is the
 * rating. A rating nobody was invited to give, or a second one for the same invitation, is ignored.
 */
@Component(configurationPid = "org.talon.driver.talonserial.feedback", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = FeedbackTerminal.class)
@Designate(ocd = TalonSerialFeedbackConfig.class, factory = true)
public final class TalonSerialFeedback implements FeedbackTerminal {
    private final TalonSerialLink link;
    private final int scale;
    private volatile DeviceContext ctx;
    // guarded by this
    private String ticket;
    private boolean rated;

    @Activate
    public TalonSerialFeedback(TalonSerialFeedbackConfig config) {
        this.scale = config.scale();
        this.link = new TalonSerialLink(config.port(), config.pingSeconds(), new Role());
    }

    @Override
    public void initialize(DeviceContext context) {
        this.ctx = context;
        link.start(context);
    }

    @Override
    public void dispose() {
        link.stop();
    }

    @Override
    public void invite(String ticketNumber) {
        List<byte[]> lines;
        synchronized (this) {
            ticket = ticketNumber == null || ticketNumber.isBlank() ? null : ticketNumber;
            rated = false;
            lines = state();
        }
        link.sendIfOnline(lines);
    }

    private synchronized List<byte[]> state() {
        return List.of(ticket == null || rated ? TalonSerialProtocol.idle() : TalonSerialProtocol.ask(ticket));
    }

    /** Takes the invitation for a rating: null when there was one, else why not. */
    private synchronized String take() {
        if (ticket == null) return "no rating invited";
        if (rated) return "already rated " + ticket;
        rated = true;
        return null;
    }

    long ignoredLines() {
        return link.ignoredLines();
    }

    /** What the link asks of a feedback terminal. */
    private final class Role implements TalonSerialLink.Role {

        @Override
        public String kind() {
            return TalonSerialProtocol.FEEDBACK;
        }

        @Override
        public boolean accepts(String kind) {
            return TalonSerialProtocol.FEEDBACK.equals(kind) || TalonSerialProtocol.COMBO.equals(kind);
        }

        @Override
        public String handle(DeviceLine line) {
            if (!(line instanceof Rate r)) return "not a feedback terminal's message";
            if (r.scale() != scale) return "scale " + r.scale() + ", not the configured " + scale;
            if (r.rating() < 1 || r.rating() > scale) return "rating outside 1.." + scale;
            String why = take();
            if (why == null) ctx.rated(r.rating(), scale);
            return why;
        }

        @Override
        public List<byte[]> state() {
            return TalonSerialFeedback.this.state();
        }
    }
}
