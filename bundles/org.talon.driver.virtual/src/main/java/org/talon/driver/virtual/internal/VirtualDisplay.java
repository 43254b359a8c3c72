package org.talon.driver.virtual.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.device.api.Display;
import org.talon.device.api.DisplayContent;

/** A counter display or hall board on a page: the page shows what Talon last told it. */
@Component(configurationPid = "org.talon.driver.virtual.display", configurationPolicy = ConfigurationPolicy.REQUIRE, service = Display.class)
@Designate(ocd = VirtualDisplay.Config.class, factory = true)
public final class VirtualDisplay extends VirtualDevice implements Display {

    @ObjectClassDefinition(name = "Talon virtual display", description = "A counter display or hall board shown in the browser at /hardware/<id>")
    public @interface Config {
        @AttributeDefinition(description = "Branch id")
        String branch();

        @AttributeDefinition(description = "The counter it hangs over (a counter display)", required = false)
        String counter();

        @AttributeDefinition(description = "Or: the place in the hall (a hall board)", required = false)
        String hall();

        @AttributeDefinition(description = "A name for people", required = false)
        String label();

        @AttributeDefinition(description = "How many calls the board shows")
        int lines() default 6;
    }

    private volatile DisplayContent content = DisplayContent.empty();

    @Activate
    public VirtualDisplay(Config config) {
        // the page reads what is shown from Talon; nothing to set up
    }

    @Override
    public void show(DisplayContent c) {
        content = c;
    }

    DisplayContent content() {
        return content;
    }
}
