package org.talon.queue.api;

/** Where a ticket was issued. */
public enum Channel {
    KIOSK, WEB, RECEPTION, PHONE, API, CONSOLE
}
