package org.talon.workflow.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.workflow.api.RequestType;
import org.talon.workflow.api.StaffMember;

@Service
@Command(scope = "talon", name = "request-staff", description = "Lists a branch's request types and the staff who work on requests: skills, load, on duty")
public final class RequestStaffCommand extends RequestCommand {
    @Override
    Object run() {
        String b = branch();
        for (RequestType t : requests().types(b)) {
            System.out.println(String.format("%-12s %-34s SLA %3dh  %s%s", t.code(), t.name("en"), t.sla().toHours(), String.join(",", t.skills()),
                    t.pickup() ? "  pickup " + (t.pickupService() == null ? "-" : t.pickupService()) : t.question() ? "  question" : ""));
        }
        for (StaffMember m : requests().staff(b)) {
            System.out.println(String.format("%-12s %-24s %-24s %3d/%-3d %s", m.id(), m.name(), String.join(",", m.skills()), m.load(), m.maxOpen(),
                    m.onDuty() ? text("console.onDuty") : text("console.offDuty")));
        }
        return null;
    }
}
