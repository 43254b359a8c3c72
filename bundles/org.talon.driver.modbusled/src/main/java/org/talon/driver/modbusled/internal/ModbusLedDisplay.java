package org.talon.driver.modbusled.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A Modbus-RTU LED display as a Talon display. Talon is the master: for each change it writes
 * the registers ({@link RegisterLayout}) with function 0x10 or 0x06 ({@link ModbusRtu}), one
 * request at a time, and reads each answer. No answer within the timeout: the request goes once
 * more; no answer again: the port is reopened ({@link Connection#reconnect}) and the display is
 * OFFLINE. An exception answer makes it ERROR with the unit's reason. The first good answer makes
 * it ONLINE. Nothing waits on a thread: the timeout is a task on the scheduler.
 */
@Component(configurationPid = "org.talon.driver.modbusled.display", configurationPolicy = ConfigurationPolicy.REQUIRE, service = Display.class)
@Designate(ocd = ModbusLedConfig.class, factory = true)
public final class ModbusLedDisplay implements Display, LinkHandler {
    private static final Pattern BAUD = Pattern.compile("[?&]baud=(\\d+)", Pattern.CASE_INSENSITIVE);
    /** Tries of one request: the first and one more. */
    static final int TRIES = 2;

    private final ModbusLedConfig config;
    private final Object state = new Object();
    private DeviceContext ctx;
    private RegisterLayout layout;
    private long silenceMillis;
    // all below guarded by state
    private Connection connection;
    private boolean connected;
    private boolean disposed;
    private boolean online;
    /** What the display should show; blank until Talon says otherwise, so that connecting probes the unit. */
    private DisplayContent latest = DisplayContent.empty();
    /** {@link #latest} changed since its frames were queued. */
    private boolean dirty;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private byte[] inFlight;
    private int tries;
    private long exchange;
    private ScheduledFuture<?> timeout;
    private boolean pumpQueued;
    private final ByteArrayOutputStream answer = new ByteArrayOutputStream();

    @Activate
    public ModbusLedDisplay(ModbusLedConfig config) {
        this.config = config;
    }

    @Override
    public void initialize(DeviceContext context) {
        this.ctx = context;
        try {
            layout = RegisterLayout.of(config.format(), config.digits(), config.blank());
            if (config.unitId() < 1 || config.unitId() > 247) throw new IllegalArgumentException("unitId must be 1 to 247, not " + config.unitId());
            if (config.function() != ModbusRtu.WRITE_MULTIPLE_REGISTERS && config.function() != ModbusRtu.WRITE_SINGLE_REGISTER) {
                throw new IllegalArgumentException("function must be 16 (write multiple registers) or 6 (write single register), not "
                        + config.function());
            }
            if (config.register() < 0 || config.register() + layout.registers() - 1 > 0xFFFF) {
                throw new IllegalArgumentException("register must be 0 to " + (0x10000 - layout.registers()) + ", not " + config.register());
            }
            if (config.timeoutMillis() < 1) throw new IllegalArgumentException("timeoutMillis must be positive, not " + config.timeoutMillis());
        } catch (IllegalArgumentException e) {
            context.status(DeviceStatus.error(e.getMessage()));
            return;
        }
        Matcher m = BAUD.matcher(String.valueOf(config.port()));
        silenceMillis = ModbusRtu.silenceMillis(m.find() ? Integer.parseInt(m.group(1)) : 9600);
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
            dirty = true;
        }
        schedulePump(0);
    }

    @Override
    public void connected(Connection c) {
        synchronized (state) {
            if (disposed) return;
            connection = c;
            connected = true;
            online = false;
            abandonExchange();
            dirty = true;
        }
        ctx.status(DeviceStatus.offline("waiting for an answer from unit " + config.unitId()));
        schedulePump(0);
    }

    @Override
    public void disconnected(String reason) {
        synchronized (state) {
            connected = false;
            online = false;
            abandonExchange();
            if (disposed) return;
        }
        ctx.status(DeviceStatus.offline(reason));
    }

    @Override
    public void received(byte[] bytes) {
        ModbusRtu.Answer a;
        synchronized (state) {
            if (inFlight == null || disposed) return; // nothing asked: a stray byte or a late answer
            answer.writeBytes(bytes);
            a = ModbusRtu.answer(inFlight, answer.toByteArray());
            if (a instanceof ModbusRtu.Incomplete) return;
            if (a instanceof ModbusRtu.Invalid) {
                // as a master does: drop it; the timeout asks again
                answer.reset();
                return;
            }
            cancelTimeout();
            inFlight = null;
            answer.reset();
            if (a instanceof ModbusRtu.Refused) {
                queue.clear();
                online = false;
            }
        }
        if (a instanceof ModbusRtu.Refused r) {
            ctx.status(DeviceStatus.error("unit " + config.unitId() + " answered " + r.describe() + " to function "
                    + config.function() + " at register " + config.register()));
            return;
        }
        boolean report;
        synchronized (state) {
            report = !online;
            online = true;
        }
        if (report) ctx.status(DeviceStatus.online());
        // the line must be silent for 3.5 characters before the next request
        schedulePump(silenceMillis);
    }

    @Override
    public void dispose() {
        Connection c;
        synchronized (state) {
            disposed = true;
            connected = false;
            abandonExchange();
            c = connection;
        }
        if (c != null) c.close();
    }

    private void schedulePump(long delayMillis) {
        synchronized (state) {
            if (!connected || disposed || pumpQueued || inFlight != null) return;
            pumpQueued = true;
        }
        if (delayMillis <= 0) ctx.scheduler().execute(this::pump);
        else ctx.scheduler().schedule(this::pump, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Sends the next request, if there is one and none is waiting for its answer. */
    private void pump() {
        byte[] frame;
        long id;
        Connection c;
        synchronized (state) {
            pumpQueued = false;
            if (!connected || disposed || inFlight != null) return;
            if (dirty) {
                // a newer content replaces the frames not sent yet
                queue.clear();
                queue.addAll(ModbusRtu.write(config.unitId(), config.function(), config.register(), layout.values(latest)));
                dirty = false;
            }
            frame = queue.poll();
            if (frame == null) return;
            inFlight = frame;
            tries = 1;
            id = ++exchange;
            answer.reset();
            c = connection;
        }
        send(c, frame, id);
    }

    private void send(Connection c, byte[] frame, long id) {
        try {
            c.write(frame);
        } catch (IOException e) {
            // the connection reopens by itself and says why through disconnected(); connected() starts again
            synchronized (state) {
                if (exchange == id) abandonExchange();
                dirty = true;
            }
            return;
        }
        synchronized (state) {
            // armed once the frame has left, unless the answer came first
            if (exchange == id && inFlight != null && !disposed) {
                timeout = ctx.scheduler().schedule(() -> timedOut(id), config.timeoutMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void timedOut(long id) {
        byte[] again = null;
        Connection c;
        synchronized (state) {
            if (exchange != id || inFlight == null || disposed) return;
            timeout = null;
            c = connection;
            if (tries < TRIES) {
                tries++;
                again = inFlight;
                answer.reset();
            } else {
                abandonExchange();
                dirty = true;
                online = false;
            }
        }
        if (again != null) {
            send(c, again, id);
            return;
        }
        String reason = "no answer from unit " + config.unitId();
        ctx.status(DeviceStatus.offline(reason));
        c.reconnect(reason);
    }

    /** Forgets the request in flight and those queued; guarded by state. */
    private void abandonExchange() {
        cancelTimeout();
        inFlight = null;
        exchange++;
        queue.clear();
        answer.reset();
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
