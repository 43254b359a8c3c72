/**
 * How a domain bundle offers HTTP routes under {@code /api/v1}: it registers {@link Route}
 * services; the web bundle dispatches requests to them, turns their answers into JSON and their
 * refusals into {@code application/problem+json}, checks roles, and documents them.
 */
@Export
@Version("1.2.0")
package org.talon.web.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
