package org.talon.driver.virtual.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.device.api.DeviceContext;
import org.talon.device.api.FeedbackTerminal;

/** A feedback terminal on a page: the customer's rating buttons. */
@Component(configurationPid = "org.talon.driver.virtual.feedback", configurationPolicy = ConfigurationPolicy.REQUIRE, service = FeedbackTerminal.class)
@Designate(ocd = VirtualFeedbackTerminal.Config.class, factory = true)
public final class VirtualFeedbackTerminal extends VirtualDevice implements FeedbackTerminal {

    @ObjectClassDefinition(name = "Talon virtual feedback terminal", description = "A feedback terminal shown in the browser at /hardware/<id>")
    public @interface Config {
        @AttributeDefinition(description = "Branch id")
        String branch();

        @AttributeDefinition(description = "The counter it sits at")
        String counter();

        @AttributeDefinition(description = "A name for people", required = false)
        String label();
    }

    private volatile String invited;

    @Activate
    public VirtualFeedbackTerminal(Config config) {
        // nothing to set up
    }

    @Override
    public void rate(int rating, int scale) {
        DeviceContext c = context;
        if (c != null && condition.usable()) c.rated(rating, scale);
    }

    @Override
    public void invite(String ticketNumber) {
        invited = ticketNumber;
    }

    String invited() {
        return invited;
    }
}
