package org.talon.device.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One physical device, as its driver handles it: the contract of openHAB's {@code ThingHandler}.
 *
 * <p>A driver registers one service per factory configuration (one configuration per physical
 * device) under one of {@link TicketPrinter}, {@link Display}, {@link Keypad} or
 * {@link FeedbackTerminal}, with the configuration's properties ({@link HardwareProperties}) as
 * service properties, as Declarative Services does by itself. Talon then calls
 * {@link #initialize} once and {@link #dispose} once. A configuration change re-creates the
 * component (disposed, then a new one initialised), never the bundle.
 *
 * <p>Rules every driver keeps (the driver test kit checks them):
 * <ul>
 * <li>{@link #initialize} returns at once: it schedules the connection and reports status later;</li>
 * <li>a broken connection is a status ({@link DeviceStatus.State#OFFLINE} with a reason), never an
 *     exception thrown to Talon and never an error in the log;</li>
 * <li>no threads of its own: work runs on {@link DeviceContext#scheduler()} and in the connection's
 *     callbacks;</li>
 * <li>after {@link #dispose}, every job not done has completed exceptionally, so Talon gives it to
 *     another device; nothing is left waiting.</li>
 * </ul>
 */
@ProviderType
public interface Hardware {

    /** Starts work with the context Talon gives; returns at once. */
    void initialize(DeviceContext context);

    /** Stops work: closes its connections, fails what is unfinished; returns at once. */
    void dispose();
}
