package org.talon.web.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.talon.web.internal.DeviceRegistry;

/** Console commands for kiosk and display tokens. */
public final class DeviceCommands {
    private DeviceCommands() {
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
            DeviceRegistry.NewDevice d = devices.create(name, role);
            System.out.println("Device " + d.name() + " (" + d.role() + ") token, shown only now: " + d.token());
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
            if (!devices.revoke(name)) throw new IllegalArgumentException("There is no device '" + name + "'.");
            System.out.println("Device " + name + " revoked.");
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
            for (DeviceRegistry.Device d : devices.list()) System.out.println(d.name() + "\t" + d.role() + "\t" + d.created());
            return null;
        }
    }
}
