package org.talon.device.internal.command;

import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.talon.device.api.DisplayContent;
import org.talon.device.api.Location;
import org.talon.device.internal.engine.DeviceTexts;
import org.talon.device.internal.engine.HardwareHost;
import org.talon.device.internal.engine.HardwareUnit;

/** {@code talon:hardware}: the configured printers, displays, keypads and feedback terminals, with their status. */
@Command(scope = "talon", name = "hardware", description = "Lists the hardware (printers, displays, keypads, feedback terminals): where each is, its status and what it shows")
@Service
public class HardwareCommand implements Action {
    @Reference
    HardwareHost host;

    @Option(name = "--branch", aliases = "-b", description = "Only this branch")
    String branch;

    @Override
    public Object execute() {
        Locale l = Locale.getDefault();
        var units = branch == null ? host.units() : host.units(branch);
        if (units.isEmpty()) {
            System.out.println(text(l, "none"));
            return null;
        }
        ShellTable t = new ShellTable();
        for (String c : new String[] {"col.id", "col.kind", "col.place", "col.port", "col.status", "col.since", "col.showing", "col.driver"}) {
            t.column(text(l, c));
        }
        for (HardwareUnit u : units) {
            t.addRow().addContent(u.id(), u.kinds().stream().map(k -> text(l, "kind." + k)).collect(Collectors.joining(", ")),
                    place(l, u.location()), u.port() == null ? "" : u.port(), u.status().toString(), u.since().toString(), showing(u),
                    u.driverName());
        }
        t.print(System.out);
        return null;
    }

    private static String text(Locale l, String key, Object... args) {
        return DeviceTexts.TEXTS.text(l, key, args);
    }

    static String place(Locale l, Location at) {
        String where = at.counter() != null ? text(l, "place.counter", at.counter()) : at.kiosk() != null ? text(l, "place.kiosk", at.kiosk())
                : at.hall() != null ? text(l, "place.hall", at.hall()) : "";
        return (at.branch() == null ? "?" : at.branch()) + ", " + where;
    }

    static String showing(HardwareUnit u) {
        Object v = u.view();
        if (v instanceof DisplayContent d) {
            return d.calls().stream().map(c -> c.number() + " > " + c.counterLabel()).collect(Collectors.joining(", "));
        }
        if (v instanceof java.util.Map<?, ?> m && !m.isEmpty()) {
            return m.values().stream().map(String::valueOf).collect(Collectors.joining(" / "));
        }
        var printed = u.printed();
        return printed.isEmpty() ? "" : "printed " + printed.get(0).get("number");
    }
}
