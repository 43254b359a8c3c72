package org.talon.device.api;

/**
 * Where a device sits: a branch and exactly one of a counter, a kiosk or a place in the hall.
 *
 * @param branch  the branch id
 * @param counter the counter id, or {@code null}
 * @param kiosk   the kiosk's device name, or {@code null}
 * @param hall    the place in the hall, or {@code null}
 */
public record Location(String branch, String counter, String kiosk, String hall) {

    @Override
    public String toString() {
        String at = counter != null ? "counter " + counter : kiosk != null ? "kiosk " + kiosk : hall != null ? "hall " + hall : "?";
        return branch + ", " + at;
    }
}
