package org.talon.driver.virtual.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.device.api.DeviceContext;
import org.talon.device.api.Keypad;
import org.talon.device.api.KeypadKey;

/** An operator's keypad on a page: its keys do the counter's actions, its screen shows two lines. */
@Component(configurationPid = "org.talon.driver.virtual.keypad", configurationPolicy = ConfigurationPolicy.REQUIRE, service = Keypad.class)
@Designate(ocd = VirtualKeypad.Config.class, factory = true)
public final class VirtualKeypad extends VirtualDevice implements Keypad {

    @ObjectClassDefinition(name = "Talon virtual keypad", description = "An operator's keypad shown in the browser at /hardware/<id>")
    public @interface Config {
        @AttributeDefinition(description = "Branch id")
        String branch();

        @AttributeDefinition(description = "The counter it sits at")
        String counter();

        @AttributeDefinition(description = "A name for people", required = false)
        String label();
    }

    private volatile String[] lines = {"", ""};

    @Activate
    public VirtualKeypad(Config config) {
        // nothing to set up
    }

    @Override
    public void press(KeypadKey key) {
        DeviceContext c = context;
        if (c != null && condition.usable()) c.keyPressed(key);
    }

    @Override
    public void show(String line1, String line2) {
        lines = new String[] {line1, line2};
    }

    String[] lines() {
        return lines.clone();
    }
}
