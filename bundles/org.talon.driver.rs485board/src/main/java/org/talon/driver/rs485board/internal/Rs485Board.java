package org.talon.driver.rs485board.internal;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 * An addressed RS-485 LED board as a Talon display: each change is one frame
 * ({@link BoardFrames}), written when the line is free ({@link LinePacer}): after every frame on
 * the line, the board's pause passes before the next. A board never answers, so it is ONLINE as
 * soon as the port is open. Only the latest content waits; nothing sleeps on the scheduler.
 */
@Component(configurationPid = "org.talon.driver.rs485board.board", configurationPolicy = ConfigurationPolicy.REQUIRE, service = Display.class)
@Designate(ocd = Rs485BoardConfig.class, factory = true)
public final class Rs485Board implements Display, LinkHandler {
    private final Rs485BoardConfig config;
    private final Object state = new Object();
    private final Object writing = new Object();
    private DeviceContext ctx;
    private BoardFrames.Settings settings;
    private String line;
    private long pauseNanos;
    // guarded by state
    private Connection connection;
    private DisplayContent latest;
    private boolean connected;
    private boolean disposed;
    private boolean sendScheduled;
    private ScheduledFuture<?> pending;

    @Activate
    public Rs485Board(Rs485BoardConfig config) {
        this.config = config;
    }

    @Override
    public void initialize(DeviceContext context) {
        this.ctx = context;
        try {
            boolean counter = config.counter() != null && !config.counter().isBlank();
            settings = BoardFrames.settings(config.address(), config.width(), config.charset(), counter, config.row(), config.blinkByte());
            if (config.pauseMillis() < 0) throw new IllegalArgumentException("pauseMillis must be 0 or more, not " + config.pauseMillis());
        } catch (IllegalArgumentException e) {
            context.status(DeviceStatus.error(e.getMessage()));
            return;
        }
        line = LinePacer.line(config.port());
        pauseNanos = TimeUnit.MILLISECONDS.toNanos(config.pauseMillis());
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
            latest = content == null ? DisplayContent.empty() : content;
        }
        requestSend();
    }

    @Override
    public void connected(Connection c) {
        synchronized (state) {
            if (disposed) return;
            connection = c;
            connected = true;
        }
        ctx.status(DeviceStatus.online());
        requestSend();
    }

    @Override
    public void received(byte[] bytes) {
        // the boards do not answer
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
            if (pending != null) pending.cancel(false);
            c = connection;
        }
        if (c != null) c.close();
    }

    private void requestSend() {
        synchronized (state) {
            if (!connected || disposed || sendScheduled || latest == null) return;
            sendScheduled = true;
        }
        attemptAfter(0);
    }

    private void attemptAfter(long nanos) {
        synchronized (state) {
            if (disposed) return;
            pending = nanos <= 0 ? null : ctx.scheduler().schedule(this::attempt, nanos, TimeUnit.NANOSECONDS);
        }
        if (nanos <= 0) ctx.scheduler().execute(this::attempt);
    }

    /** Writes the latest content if the line is free, else comes back when it is. */
    private void attempt() {
        synchronized (writing) {
            synchronized (state) {
                if (!connected || disposed || latest == null) {
                    sendScheduled = false;
                    pending = null;
                    return; // connected() asks again
                }
            }
            long now = System.nanoTime();
            long wait = LinePacer.waitNanos(line, now);
            if (wait > 0 || !LinePacer.take(line, now, pauseNanos)) {
                attemptAfter(Math.max(wait, 1_000_000));
                return;
            }
            byte[] frame;
            Connection c;
            synchronized (state) {
                sendScheduled = false;
                pending = null;
                if (!connected || disposed || latest == null) return;
                frame = BoardFrames.show(settings, latest);
                c = connection;
            }
            try {
                c.write(frame);
            } catch (IOException e) {
                // the connection reopens by itself and says why through disconnected(); connected() writes again
            } finally {
                LinePacer.written(line, System.nanoTime(), pauseNanos);
            }
        }
    }
}
