package org.talon.event.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which branches this installation runs. The domain that configures branches registers it (the
 * queue domain does); the parts of the platform that take a branch id from outside (event
 * streams, webhooks) ask it, so that an unknown branch is refused instead of served an empty log.
 */
@ProviderType
public interface BranchDirectory {

    /** Whether a branch with exactly this id exists now (ids are compared as they are, never trimmed). */
    boolean exists(String branch);
}
