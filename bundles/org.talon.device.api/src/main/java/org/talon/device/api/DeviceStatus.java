package org.talon.device.api;

import java.util.Objects;

/**
 * What a piece of hardware can do now, with the reason in words an admin understands
 * ({@code "no answer from serial:/dev/ttyUSB0"}, {@code "paper end sensor"}).
 *
 * @param state  the condition
 * @param reason why, never {@code null} (empty for a plain {@link State#ONLINE})
 */
public record DeviceStatus(State state, String reason) {

    /** The conditions a device reports. */
    public enum State {
        /** Connected and working. */
        ONLINE,
        /** Not connected or not answering: its port is gone, the host refuses, the device is switched off. */
        OFFLINE,
        /** A printer that still prints but whose paper is about to end. */
        PAPER_LOW,
        /** A printer without paper: it cannot print. */
        PAPER_OUT,
        /** A printer whose cover is open: it cannot print. */
        COVER_OPEN,
        /** Connected but failing: a wrong configuration, a device error, an unsupported transport. */
        ERROR
    }

    public DeviceStatus {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }

    public static DeviceStatus online() {
        return new DeviceStatus(State.ONLINE, "");
    }

    public static DeviceStatus offline(String reason) {
        return new DeviceStatus(State.OFFLINE, reason);
    }

    public static DeviceStatus error(String reason) {
        return new DeviceStatus(State.ERROR, reason);
    }

    /** Whether the device takes work in this state: online, or a printer whose paper is low. */
    public boolean usable() {
        return state == State.ONLINE || state == State.PAPER_LOW;
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? state.name() : state + " (" + reason + ")";
    }
}
