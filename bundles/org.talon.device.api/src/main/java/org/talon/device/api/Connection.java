package org.talon.device.api;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** A connection Talon keeps open to a device (see {@link DeviceContext#connect}). */
@ProviderType
public interface Connection extends AutoCloseable {

    /** The transport URI it was opened with. */
    String uri();

    /** Whether it is open now. */
    boolean isConnected();

    /**
     * Writes all the bytes and waits until the transport took them (for a serial port, until they
     * left the port's buffer).
     *
     * @throws IOException when it is not connected or the write failed (the connection is then
     *                     reopened by itself)
     */
    void write(byte[] bytes) throws IOException;

    /**
     * The device is connected but does not answer as it should: close and open again (with the
     * same growing pause), reporting {@code reason} to {@link LinkHandler#disconnected}.
     */
    void reconnect(String reason);

    /** Closes for good; no callback follows. */
    @Override
    void close();
}
