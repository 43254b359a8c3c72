package org.talon.device.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a driver is told of its connection. Calls for one connection never overlap; they run on
 * Talon's threads and must return quickly (schedule longer work on the scheduler).
 */
@ConsumerType
public interface LinkHandler {

    /** The connection is open (again): send what the device needs first, query its status. */
    void connected(Connection connection);

    /** Bytes arrived, in order, as the transport read them (a frame may come in pieces). */
    void received(byte[] bytes);

    /** The connection broke or could not be opened; it is being opened again. */
    void disconnected(String reason);
}
