package org.talon.event.api;

/**
 * The database could not commit a command's group. Nothing of the command was stored; the
 * caller may retry once the database is back.
 */
public class StorageUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
