package org.talon.device.api;

import java.util.concurrent.ScheduledExecutorService;
import org.osgi.annotation.versioning.ProviderType;

/** What Talon gives a driver for one device: its place, a scheduler, connections, and where to report. */
@ProviderType
public interface DeviceContext {

    /** The device's id, unique in the installation. */
    String id();

    /** Where the device sits. */
    Location location();

    /**
     * The scheduler shared by every driver: run work here, never on threads of one's own, and
     * never block it for longer than one exchange with the device (a second at most).
     */
    ScheduledExecutorService scheduler();

    /**
     * Opens a connection by transport URI and keeps it open: Talon opens it on the scheduler,
     * calls {@link LinkHandler#connected} when it is, reads from it and hands what arrives to
     * {@link LinkHandler#received}, and when it breaks calls {@link LinkHandler#disconnected} and
     * opens it again with a growing pause (a quarter second, doubling, at most five seconds).
     * Returns at once.
     *
     * @throws IllegalArgumentException for a URI that is malformed or whose scheme no transport serves
     */
    Connection connect(String uri, LinkHandler handler);

    /** Reports the device's status; only a change is recorded (as an event of the branch). */
    void status(DeviceStatus status);

    /** A keypad's key was pressed: Talon does the counter action. */
    void keyPressed(KeypadKey key);

    /** A feedback terminal's button was pressed: a rating from 1 to {@code scale}. */
    void rated(int rating, int scale);
}
