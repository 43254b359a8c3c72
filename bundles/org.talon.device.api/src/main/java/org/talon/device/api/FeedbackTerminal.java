package org.talon.device.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A feedback terminal at a counter: the customer rates the service by pressing a button, and the
 * rating reaches Talon through {@link DeviceContext#rated}.
 */
@ProviderType
public interface FeedbackTerminal extends Hardware {

    /**
     * Invites a rating for the ticket now served at the counter ({@code null}: nothing to rate,
     * show the idle screen). Returns at once.
     */
    void invite(String ticketNumber);
}
