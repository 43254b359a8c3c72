/**
 * A branch's calendar: opening hours per weekday, breaks, holidays and one-off exceptions, in the
 * branch's time zone. A shared notion: bookings take their slots from it, requests count their
 * service-level time in its business hours, and a domain that needs it reads it from
 * {@link org.talon.queue.api.Branch#calendar()} without another domain being installed.
 */
@Export
@Version("1.1.0")
package org.talon.queue.api.calendar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
