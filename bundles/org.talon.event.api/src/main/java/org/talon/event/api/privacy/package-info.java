/**
 * Personal data: the contact data (names, phone numbers, e-mail addresses) that tickets, bookings
 * and notifications keep, and how Talon erases it. Every domain that keeps contact data registers
 * a {@link org.talon.event.api.privacy.ContactData} service; the platform erases through them
 * after the retention period and when one person asks ({@code talon:erase-contact}). Events
 * never carry contact data, so erasing the rows erases it all.
 */
@Export
@Version("1.0.0")
package org.talon.event.api.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
