/**
 * Notifications: messages to one person (a booking's confirmation and reminder, "your turn is
 * near"), rendered from templates in the person's language and kept in a durable outbox until a
 * channel accepted them. {@link org.talon.notify.api.Notifications} is the one way to send and to
 * follow them; {@link org.talon.notify.api.NotificationChannel} is what a channel bundle (e-mail,
 * SMS) registers.
 */
@Export
@Version("1.0.0")
package org.talon.notify.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
