package org.talon.event.internal;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that fails for want of a database connection, three times five
 * seconds apart. With the database down that held every command of a branch for 10-30 s before
 * its clear 503; the writer decides itself what to do after a failure, so reads fail at once.
 */
public final class NoQueryRetry implements SessionCustomizer {
    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
