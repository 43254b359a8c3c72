/**
 * The driver SPI: what a driver bundle implements for a piece of hardware in the hall (a ticket
 * printer, a display, a keypad, a feedback terminal) and what Talon gives it in return (its place,
 * a shared scheduler, connections opened by transport URI, a way to report status and input).
 *
 * <p>A driver imports this package and nothing else of Talon. It never opens a port itself: it asks
 * {@link org.talon.device.api.DeviceContext#connect} for a connection by URI
 * ({@code serial:/dev/ttyUSB0?baud=9600}, {@code tcp://10.0.0.5:9100}), and Talon opens it, reads
 * from it and reconnects it with backoff when it breaks.
 */
@Export
@Version("1.0.0")
package org.talon.device.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
