package org.talon.device.api;

/**
 * The configuration properties every driver's configuration has, which Talon reads from the
 * service properties of a {@link Hardware} service: where the device is and how it is reached.
 * A device sits in one {@link #BRANCH} and at exactly one of {@link #COUNTER}, {@link #KIOSK} or
 * {@link #HALL}.
 */
public final class HardwareProperties {
    private HardwareProperties() {
    }

    /** The transport URI, e.g. {@code serial:/dev/ttyUSB0?baud=9600&parity=none} or {@code tcp://10.0.0.5:9100}. */
    public static final String PORT = "port";
    /** The branch id. */
    public static final String BRANCH = "branch";
    /** The counter id, for a counter display, a keypad, a feedback terminal. */
    public static final String COUNTER = "counter";
    /** The kiosk's device name (as paired, e.g. {@code kiosk-1}), for a kiosk's printer. */
    public static final String KIOSK = "kiosk";
    /** A place in the hall, e.g. {@code main} or {@code entrance}, for a hall board or a shared printer. */
    public static final String HALL = "hall";
    /** The id of the printer that prints when this printer cannot. */
    public static final String FALLBACK = "fallback";
    /** A name for people, e.g. {@code Reception printer} (the kiosk names a fallback printer by it). */
    public static final String LABEL = "label";
    /**
     * The device's id; when not set, the name of its factory configuration
     * ({@code kiosk1} for {@code etc/org.talon.driver.escpos.printer-kiosk1.cfg}).
     */
    public static final String ID = "id";
}
