package org.talon.driver.virtual.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.device.api.DeviceContext;
import org.talon.device.api.PrintFailedException;
import org.talon.device.api.PrintedTicket;
import org.talon.device.api.TicketPrinter;

/** A ticket printer on a page: what it prints appears on the page's paper roll. */
@Component(configurationPid = "org.talon.driver.virtual.printer", configurationPolicy = ConfigurationPolicy.REQUIRE, service = TicketPrinter.class)
@Designate(ocd = VirtualPrinter.Config.class, factory = true)
public final class VirtualPrinter extends VirtualDevice implements TicketPrinter {

    @ObjectClassDefinition(name = "Talon virtual ticket printer", description = "A ticket printer shown in the browser at /hardware/<id>")
    public @interface Config {
        @AttributeDefinition(description = "Branch id")
        String branch();

        @AttributeDefinition(description = "The kiosk it sits in (its device name, e.g. kiosk-1)", required = false)
        String kiosk();

        @AttributeDefinition(description = "Or: the place in the hall of a shared printer", required = false)
        String hall();

        @AttributeDefinition(description = "The id of the printer that prints when this one cannot", required = false)
        String fallback();

        @AttributeDefinition(description = "A name for people, e.g. Reception printer", required = false)
        String label();

        @AttributeDefinition(description = "How long printing one ticket takes, in milliseconds (as a real printer would)")
        int printMillis() default 300;
    }

    private final int printMillis;
    private final Map<CompletableFuture<Void>, Boolean> pending = new ConcurrentHashMap<>();

    @Activate
    public VirtualPrinter(Config config) {
        this.printMillis = Math.max(0, config.printMillis());
    }

    @Override
    public CompletionStage<Void> print(PrintedTicket ticket) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        DeviceContext c = context;
        if (c == null) {
            f.completeExceptionally(new PrintFailedException("driver stopped"));
            return f;
        }
        if (!condition.usable()) {
            f.completeExceptionally(new PrintFailedException("printer is " + condition));
            return f;
        }
        pending.put(f, Boolean.TRUE);
        c.scheduler().schedule(() -> {
            pending.remove(f);
            if (condition.usable()) f.complete(null);
            else f.completeExceptionally(new PrintFailedException("printer is " + condition));
        }, printMillis, TimeUnit.MILLISECONDS);
        return f;
    }

    @Override
    public void dispose() {
        super.dispose();
        for (CompletableFuture<Void> f : pending.keySet()) f.completeExceptionally(new PrintFailedException("driver stopped"));
        pending.clear();
    }
}
