package org.talon.event.api;

/**
 * The database could not commit a command's group. Unless {@link #mayHaveBeenStored()}, nothing
 * of the command was stored; the caller may retry once the database is back.
 */
public class StorageUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean mayHaveBeenStored;

    public StorageUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param mayHaveBeenStored the commit's outcome is unknown: the connection failed while it
     *                          committed and the database could not be asked afterwards
     */
    public StorageUnavailableException(String message, Throwable cause, boolean mayHaveBeenStored) {
        super(message, cause);
        this.mayHaveBeenStored = mayHaveBeenStored;
    }

    /** True when the command may have been stored after all (read it back, or retry idempotently). */
    public boolean mayHaveBeenStored() {
        return mayHaveBeenStored;
    }
}
