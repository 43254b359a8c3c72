/**
 * The booking domain: customers book a time in advance (on the web, by phone through staff, at a
 * kiosk), get a short code, check in when they arrive and are called at their time; whoever does
 * not come is cancelled and the slot goes back. {@link org.talon.booking.api.BookingService} is the
 * one way to read and change bookings.
 */
@Export
@Version("1.0.0")
package org.talon.booking.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
