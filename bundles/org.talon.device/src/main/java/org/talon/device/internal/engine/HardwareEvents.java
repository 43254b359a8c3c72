package org.talon.device.internal.engine;

/** The event types the hardware registry appends to a branch's log. */
public final class HardwareEvents {
    private HardwareEvents() {
    }

    /** A device's state changed: {@code hardware}, {@code kinds}, {@code state}, {@code reason}. */
    public static final String STATUS_CHANGED = "HardwareStatusChanged";
    /** A ticket was printed, or shown on the kiosk's screen only: {@code ticketId}, {@code number}, {@code kiosk}, {@code outcome}, {@code printer}, {@code fallback}, {@code tried}. */
    public static final String TICKET_PRINTED = "TicketPrinted";
    /** A customer pressed a feedback terminal's button: {@code hardware}, {@code counter}, {@code number}, {@code rating}, {@code scale}. */
    public static final String FEEDBACK_GIVEN = "FeedbackGiven";
}
