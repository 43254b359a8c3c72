/**
 * Texts in the user's language for every Talon domain: one lookup, the same languages
 * everywhere (en, ru, pl), a domain adds its bundle of texts as UTF-8 properties files.
 */
@Export
@Version("1.0.0")
package org.talon.event.api.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
