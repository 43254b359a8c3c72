package ${package}.internal;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
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
 * A ${vendor} display. Replace {@link VendorFrames} with the device's protocol; the rest is the
 * contract every Talon driver keeps: {@code initialize} returns at once, a broken connection is a
 * status, work runs on Talon's scheduler, the latest content is shown again after a reconnect.
 */
@Component(configurationPid = "${package}.display", configurationPolicy = ConfigurationPolicy.REQUIRE, service = Display.class)
@Designate(ocd = VendorDisplayConfig.class, factory = true)
public final class VendorDisplay implements Display, LinkHandler {
    private final String port;
    private final int lines;
    private volatile DeviceContext context;
    private volatile Connection connection;
    private volatile DisplayContent content = DisplayContent.empty();

    @Activate
    public VendorDisplay(VendorDisplayConfig config) {
        this.port = config.port();
        this.lines = Math.max(1, config.lines());
    }

    @Override
    public void initialize(DeviceContext ctx) {
        context = ctx;
        ctx.status(DeviceStatus.offline("connecting to " + port));
        try {
            connection = ctx.connect(port, this);
        } catch (IllegalArgumentException e) {
            ctx.status(DeviceStatus.error(e.getMessage()));
        }
    }

    @Override
    public void dispose() {
        Connection c = connection;
        connection = null;
        if (c != null) c.close();
    }

    @Override
    public void show(DisplayContent c) {
        content = c;
        DeviceContext ctx = context;
        if (ctx != null) ctx.scheduler().execute(this::write);
    }

    /** Writes the latest content; on the scheduler, so writes never overlap a connect. */
    private void write() {
        Connection c = connection;
        if (c == null || !c.isConnected()) return; // written when connected
        try {
            c.write(VendorFrames.frame(content, lines));
        } catch (IOException e) {
            // the connection reopens by itself and tells disconnected(): nothing else to do
        }
    }

    @Override
    public void connected(Connection c) {
        DeviceContext ctx = context;
        if (ctx == null) return;
        ctx.status(DeviceStatus.online());
        ScheduledExecutorService s = ctx.scheduler();
        s.execute(this::write);
    }

    @Override
    public void received(byte[] bytes) {
        // this display sends nothing back; a device that answers is read here
    }

    @Override
    public void disconnected(String reason) {
        DeviceContext ctx = context;
        if (ctx != null) ctx.status(DeviceStatus.offline(reason));
    }
}
