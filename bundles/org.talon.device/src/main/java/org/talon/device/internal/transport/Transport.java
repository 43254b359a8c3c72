package org.talon.device.internal.transport;

import java.io.IOException;
import java.net.URI;

/** Opens links for the URIs of one scheme ({@code serial}, {@code tcp}). */
public interface Transport {

    /** The URI scheme it serves. */
    String scheme();

    /** Checks a URI of its scheme without opening anything. @throws IllegalArgumentException saying what is wrong */
    void check(URI uri);

    /** Opens a link; may block for as long as opening takes (a TCP connect: a few seconds at most). */
    Link open(URI uri) throws IOException;
}
