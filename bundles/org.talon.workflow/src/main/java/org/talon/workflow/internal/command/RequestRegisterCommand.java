package org.talon.workflow.internal.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.workflow.api.Intake;
import org.talon.workflow.api.NewRequest;
import org.talon.workflow.api.Request;

@Service
@Command(scope = "talon", name = "request-register", description = "Registers a request (options first), e.g. talon:request-register --name 'Anna Nowak' --phone +48600100200 complaint subject=Late details='Waited an hour'")
public final class RequestRegisterCommand extends RequestCommand {
    @Argument(index = 0, name = "type", required = true, description = "The request type's code")
    String type;

    @Argument(index = 1, name = "fields", multiValued = true, description = "The form's values, name=value each")
    List<String> fields;

    @Option(name = "--name", required = true, description = "The customer's name")
    String name;

    @Option(name = "--phone", description = "The customer's phone")
    String phone;

    @Option(name = "--email", description = "The customer's e-mail address")
    String email;

    @Option(name = "--language", description = "The language the customer is told in")
    String language;

    @Override
    Object run() {
        Map<String, String> values = new LinkedHashMap<>();
        if (fields != null) {
            for (String f : fields) {
                int eq = f.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException(text("console.badField", f));
                values.put(f.substring(0, eq).strip(), f.substring(eq + 1));
            }
        }
        Request r = requests().register(new NewRequest(branch(), type, values, name, phone, email, language, Intake.CONTACT_CENTRE, "console", 0));
        System.out.println(line(r));
        return null;
    }
}
