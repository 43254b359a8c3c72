package org.talon.device.internal.transport;

import java.io.IOException;

/** An open byte channel to a device: blocking reads on a reading thread, writes from anywhere. */
public interface Link extends AutoCloseable {

    /**
     * Reads what has arrived, waiting for it.
     *
     * @return the number of bytes read, 0 when nothing arrived for a while (the caller reads again)
     * @throws IOException when the channel broke or was closed (end of stream included)
     */
    int read(byte[] buffer) throws IOException;

    /** Writes all the bytes; returns when the transport took them. */
    void write(byte[] bytes) throws IOException;

    @Override
    void close();
}
