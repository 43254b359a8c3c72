package org.talon.device.internal.engine;

import org.talon.event.api.text.Texts;

/** The hardware's texts: what is printed on a ticket, shown on a keypad, answered and written in the console. */
public final class DeviceTexts {
    private DeviceTexts() {
    }

    public static final Texts TEXTS = Texts.of(DeviceTexts.class, "org.talon.device.internal.messages");
}
