package org.talon.web.internal.command;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.talon.web.internal.DeviceRegistry;
import org.talon.web.internal.Messages;
import org.talon.web.internal.WebProblem;

/**
 * Console commands for kiosk and display tokens. They print in the JVM's language (as the queue's
 * {@code talon:} commands do); the command and argument descriptions stay English like Karaf's own.
 */
public final class DeviceCommands {
    private DeviceCommands() {
    }

    static String text(String key, Object... args) {
        return Messages.text(Locale.getDefault(), key, args);
    }

    @Command(scope = "talon", name = "device-add", description = "Creates a kiosk or display device and prints its token once")
    @Service
    public static class Add implements Action {
        @Reference
        DeviceRegistry devices;

        @Argument(index = 0, name = "name", required = true, description = "Device name, e.g. kiosk-1")
        String name;

        @Argument(index = 1, name = "role", required = true, description = "kiosk or display")
        @Completion(value = StringsCompleter.class, values = {"kiosk", "display"})
        String role;

        @Override
        public Object execute() throws Exception {
            DeviceRegistry.NewDevice d;
            try {
                d = devices.create(name, role);
            } catch (WebProblem p) {
                throw new org.apache.karaf.shell.support.CommandException(p.detail(Locale.getDefault()), p);
            }
            System.out.println(text("console.deviceAdded", d.name(), d.role(), d.token()));
            return null;
        }
    }

    @Command(scope = "talon", name = "device-pair", description = "Pairs the kiosk or display page showing CODE as a new device")
    @Service
    public static class Pair implements Action {
        @Reference
        DeviceRegistry devices;

        @Argument(index = 0, name = "code", required = true, description = "The code the page shows")
        String code;

        @Argument(index = 1, name = "role", required = true, description = "kiosk or display")
        @Completion(value = StringsCompleter.class, values = {"kiosk", "display"})
        String role;

        @Argument(index = 2, name = "name", required = true, description = "Device name, e.g. kiosk-1")
        String name;

        @Override
        public Object execute() throws Exception {
            DeviceRegistry.Device d;
            try {
                d = devices.pair(code, name, role, java.time.Instant.now());
            } catch (WebProblem p) {
                throw new org.apache.karaf.shell.support.CommandException(p.detail(Locale.getDefault()), p);
            }
            System.out.println(text("console.devicePaired", d.name(), d.role()));
            return null;
        }
    }

    @Command(scope = "talon", name = "device-revoke", description = "Revokes a device's token")
    @Service
    public static class Revoke implements Action {
        @Reference
        DeviceRegistry devices;

        @Argument(index = 0, name = "name", required = true, description = "Device name")
        String name;

        @Override
        public Object execute() throws Exception {
            if (!devices.revoke(name)) throw new org.apache.karaf.shell.support.CommandException(text("device.unknown", name));
            System.out.println(text("console.deviceRevoked", name));
            return null;
        }
    }

    @Command(scope = "talon", name = "devices", description = "Lists kiosk and display devices")
    @Service
    public static class List implements Action {
        @Reference
        DeviceRegistry devices;

        @Override
        public Object execute() throws Exception {
            java.util.List<DeviceRegistry.Device> all = devices.list();
            if (all.isEmpty()) {
                System.out.println(text("console.devicesNone"));
                return null;
            }
            org.apache.karaf.shell.support.table.ShellTable t = new org.apache.karaf.shell.support.table.ShellTable();
            t.column(text("col.device"));
            t.column(text("col.role"));
            t.column(text("col.created"));
            java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
            for (DeviceRegistry.Device d : all) {
                String created;
                try {
                    created = when.format(java.time.Instant.parse(d.created()).atZone(java.time.ZoneId.systemDefault()));
                } catch (RuntimeException notATime) {
                    created = String.valueOf(d.created()); // as stored, e.g. in a file written by hand
                }
                t.addRow().addContent(d.name(), d.role(), created);
            }
            t.print(System.out);
            return null;
        }
    }
}
