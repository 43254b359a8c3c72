package org.talon.queue.api;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A service hall. Ticket numbers restart every day at midnight in {@code zone}.
 *
 * @param id      short id used in URLs and on the console, e.g. {@code demo}
 * @param name    name shown to people
 * @param zone    the branch's time zone
 * @param locales languages the branch serves, the first is the default
 * @param priorityAtKiosk whether a customer may ask for a priority ticket at a kiosk (else only
 *                        staff issue them)
 */
public record Branch(String id, String name, ZoneId zone, List<Locale> locales, boolean priorityAtKiosk) {
    public Branch {
        locales = List.copyOf(locales);
    }

    /** A branch whose kiosks offer the priority choice. */
    public Branch(String id, String name, ZoneId zone, List<Locale> locales) {
        this(id, name, zone, locales, true);
    }
}
