/**
 * The event log: one durable, ordered log of domain events per branch. Every change of state in
 * every Talon domain is appended here in the same transaction as the change itself; displays,
 * analytics, devices and notifications read it.
 */
@Export
@Version("1.5.0")
package org.talon.event.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
