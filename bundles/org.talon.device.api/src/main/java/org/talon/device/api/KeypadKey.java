package org.talon.device.api;

/** The keys of an operator's keypad: each is the counter action of the same name. */
public enum KeypadKey {
    /** Open the counter. */
    OPEN,
    PAUSE,
    CLOSE,
    /** Call the next customer. */
    CALL,
    /** Finish the current customer and call the next. */
    NEXT,
    RECALL,
    /** The called customer came: service starts. */
    SERVE,
    FINISH,
    NO_SHOW,
    PARK
}
