/**
 * The driver test kit. {@link org.talon.device.tck.TestDeviceContext} runs a driver without Talon:
 * its connections are in-memory pipes whose far end the test plays (it reads every byte the driver
 * wrote and answers as the device would), and it records the statuses, key presses and ratings the
 * driver reports. The contract tests in this package check what every driver must do.
 */
@Export
@Version("1.0.0")
package org.talon.device.tck;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
