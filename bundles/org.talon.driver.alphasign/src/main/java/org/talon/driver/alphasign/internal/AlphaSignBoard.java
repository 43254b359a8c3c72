package org.talon.driver.alphasign.internal;

import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.talon.device.api.Connection;
import org.talon.device.api.DeviceContext;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.Display;
import org.talon.device.api.DisplayContent;
import org.talon.device.api.LinkHandler;

/**
 * An Alpha sign as a Talon display: each change of what it shows is one Write TEXT file packet
 * ({@link AlphaFrames}). The sign does not answer (ACK/NAK is off unless configured on the sign),
 * so it is ONLINE as soon as its port is open.
 */
@Component(configurationPid = "org.talon.driver.alphasign.board", configurationPolicy = ConfigurationPolicy.REQUIRE, service = Display.class)
@Designate(ocd = AlphaSignConfig.class, factory = true)
public final class AlphaSignBoard implements Display, LinkHandler {
    private final AlphaSignConfig config;
    /** Guards the fields below; never held during I/O. */
    private final Object state = new Object();
    /** Held while a packet is built and written, so that packets leave in the order of the contents. */
    private final Object writing = new Object();
    private DeviceContext ctx;
    private AlphaFrames.Settings settings;
    private Connection connection;
    private DisplayContent latest;
    private boolean connected;
    private boolean writeQueued;
    private boolean disposed;

    @Activate
    public AlphaSignBoard(AlphaSignConfig config) {
        this.config = config;
    }

    @Override
    public void initialize(DeviceContext context) {
        this.ctx = context;
        try {
            settings = AlphaFrames.settings(config.typeCode(), config.address(), config.fileLabel(), config.position(), config.mode(),
                    config.lines(), config.checksum(), config.alertFlash());
        } catch (IllegalArgumentException e) {
            context.status(DeviceStatus.error(e.getMessage()));
            return;
        }
        context.status(DeviceStatus.offline("connecting to " + config.port()));
        try {
            Connection c = context.connect(config.port(), this);
            synchronized (state) {
                if (connection == null) connection = c;
            }
        } catch (IllegalArgumentException e) {
            context.status(DeviceStatus.error(e.getMessage()));
        }
    }

    @Override
    public void show(DisplayContent content) {
        synchronized (state) {
            latest = content;
        }
        scheduleWrite();
    }

    @Override
    public void connected(Connection c) {
        synchronized (state) {
            if (disposed) return;
            connection = c;
            connected = true;
        }
        ctx.status(DeviceStatus.online());
        // the sign may have lost or never had what it should show
        scheduleWrite();
    }

    @Override
    public void received(byte[] bytes) {
        // nothing is asked of the sign: whatever it sends is ignored
    }

    @Override
    public void disconnected(String reason) {
        synchronized (state) {
            connected = false;
            if (disposed) return;
        }
        ctx.status(DeviceStatus.offline(reason));
    }

    @Override
    public void dispose() {
        Connection c;
        synchronized (state) {
            disposed = true;
            connected = false;
            c = connection;
        }
        if (c != null) c.close();
    }

    private void scheduleWrite() {
        synchronized (state) {
            if (!connected || disposed || writeQueued || latest == null) return;
            writeQueued = true;
        }
        ctx.scheduler().execute(this::writeLatest);
    }

    private void writeLatest() {
        synchronized (writing) {
            byte[] packet;
            Connection c;
            synchronized (state) {
                writeQueued = false;
                if (!connected || disposed || latest == null) return;
                packet = AlphaFrames.show(settings, latest);
                c = connection;
            }
            try {
                c.write(packet);
            } catch (IOException e) {
                // the connection reopens by itself and reports why through disconnected(); connected() writes again
            }
        }
    }
}
