package org.talon.device.api;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** A ticket printer at a kiosk or in the hall. */
@ProviderType
public interface TicketPrinter extends Hardware {

    /**
     * Prints a ticket.
     *
     * @return completes when the printer has the whole ticket (and, where the printer can tell,
     *         reports no fault after it); completes exceptionally, with a {@link PrintFailedException}
     *         saying why, when it cannot print: not connected, out of paper, cover open, a write
     *         that failed, or the driver disposed first. Talon then prints elsewhere.
     */
    CompletionStage<Void> print(PrintedTicket ticket);
}
