/**
 * Call rules: how a work profile chooses the queue its counter calls from next. The engine comes
 * with the rules named in {@link org.talon.queue.api.rule.CallRules}; a bundle adds one by
 * registering a {@link org.talon.queue.api.rule.CallRule} service under a name of its own, which
 * work profiles then name in their {@code rule} setting.
 */
@Export
@Version("1.0.0")
package org.talon.queue.api.rule;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
