package org.talon.driver.talonserial.internal;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.talon.device.api.DeviceContext;
import org.talon.device.api.Keypad;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.DeviceLine;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Key;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Led;

/**
 * A home-built keypad: its {@code KEY} lines are key presses, and {@link #show} becomes
 * {@code SHOW line1|line2} with {@code LED on} while line 1 (the ticket at the counter) is not
 * empty, {@code LED off} when it is.
 */
@Component(configurationPid = "org.talon.driver.talonserial.keypad", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Keypad.class)
@Designate(ocd = TalonSerialKeypadConfig.class, factory = true)
public final class TalonSerialKeypad implements Keypad {
    private final TalonSerialLink link;
    private volatile DeviceContext ctx;
    // guarded by this
    private String line1 = "";
    private String line2 = "";

    @Activate
    public TalonSerialKeypad(TalonSerialKeypadConfig config) {
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
    public void show(String line1, String line2) {
        List<byte[]> lines;
        synchronized (this) {
            this.line1 = line1 == null ? "" : line1;
            this.line2 = line2 == null ? "" : line2;
            lines = state();
        }
        link.sendIfOnline(lines);
    }

    private synchronized List<byte[]> state() {
        boolean ticket = !LcdText.line(line1, TalonSerialProtocol.SCREEN_WIDTH).isBlank();
        return List.of(TalonSerialProtocol.show(line1, line2), TalonSerialProtocol.led(ticket ? Led.ON : Led.OFF));
    }

    long ignoredLines() {
        return link.ignoredLines();
    }

    /** What the link asks of a keypad. */
    private final class Role implements TalonSerialLink.Role {

        @Override
        public String kind() {
            return TalonSerialProtocol.KEYPAD;
        }

        @Override
        public boolean accepts(String kind) {
            return TalonSerialProtocol.KEYPAD.equals(kind) || TalonSerialProtocol.COMBO.equals(kind);
        }

        @Override
        public String handle(DeviceLine line) {
            if (!(line instanceof Key key)) return "not a keypad's message";
            ctx.keyPressed(key.key());
            return null;
        }

        @Override
        public List<byte[]> state() {
            return TalonSerialKeypad.this.state();
        }
    }
}
