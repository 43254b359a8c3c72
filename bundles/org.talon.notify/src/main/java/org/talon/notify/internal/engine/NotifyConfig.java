package org.talon.notify.internal.engine;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.talon.notify} ({@code etc/org.talon.notify.cfg}). */
@ObjectClassDefinition(name = "Talon notifications",
        description = "The outbox of e-mail and SMS messages: how often it is looked at, how failed messages are tried again,"
                + " and which queue events notify a customer with a contact")
public @interface NotifyConfig {
    @AttributeDefinition(name = "Poll interval (seconds)", description = "How often the outbox is looked at for due messages"
            + " (a message enqueued now is sent at once anyway)", min = "1")
    int pollIntervalSeconds() default 5;

    @AttributeDefinition(name = "First retry (seconds)", description = "The pause after a failed try; it doubles with every further failure", min = "1")
    int firstRetrySeconds() default 5;

    @AttributeDefinition(name = "Longest retry pause (seconds)", description = "The pause between tries grows to this at most", min = "1")
    int maxRetrySeconds() default 1800;

    @AttributeDefinition(name = "Tries", description = "A message a channel refused this often is given up (FAILED)", min = "1")
    int maxAttempts() default 10;

    @AttributeDefinition(name = "Longest delay (hours)", description = "A message not sent this long after its time is given up"
            + " (FAILED): a reminder a day late is of no use", min = "1")
    int maxAgeHours() default 24;

    @AttributeDefinition(name = "Near position", description = "A waiting ticket with a contact is told once that its turn is near"
            + " when it is this many or fewer in line; 0: never")
    int nearPosition() default 3;

    @AttributeDefinition(name = "Tell called tickets", description = "A ticket with a contact is told when a counter calls it")
    boolean ticketCalled() default true;

    @AttributeDefinition(name = "Public address", description = "The address customers reach Talon at, for the links in messages,"
            + " e.g. https://queue.example.org; empty: publicUrl of org.talon.ui, or no link")
    String publicUrl() default "";

    @AttributeDefinition(name = "Templates folder", description = "The folder of the integrator's talon-notify_<lang>.properties;"
            + " empty: ${karaf.etc}")
    String templatesDir() default "";

    @AttributeDefinition(name = "Calendar organizer", description = "The e-mail address invitations (invite.ics) are organized by,"
            + " usually the e-mail channel's sender; empty: none")
    String calendarOrganizer() default "";
}
