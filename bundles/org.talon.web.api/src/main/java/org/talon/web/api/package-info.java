/**
 * How a domain bundle offers HTTP routes under {@code /api/v1}: it registers {@link Route}
 * services ({@link Route#of}); the web bundle dispatches requests to them, checks roles, writes
 * their answers (JSON, or bytes of a type of their own), turns their refusals into
 * {@code application/problem+json}, and documents them in the OpenAPI document.
 */
@Export
@Version("2.1.0")
package org.talon.web.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
