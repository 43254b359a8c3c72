package org.talon.device.api;

/** A ticket a printer did not print, with the reason in words an admin understands. */
public class PrintFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public PrintFailedException(String reason) {
        super(reason);
    }

    public PrintFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
