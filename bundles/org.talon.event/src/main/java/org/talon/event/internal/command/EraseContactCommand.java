package org.talon.event.internal.command;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.event.api.text.Texts;
import org.talon.event.internal.privacy.Retention;

@Command(scope = "talon", name = "erase-contact",
        description = "Erases one person's contact data at once from tickets, bookings and messages (a right-to-be-forgotten request)")
@Service
public class EraseContactCommand implements Action {
    @Reference
    Retention retention;

    @Argument(index = 0, name = "contact", required = true, description = "The person's phone number or e-mail address")
    String contact;

    @Override
    public Object execute() throws Exception {
        ContactAddress a;
        try {
            a = ContactAddress.parse(contact);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        // Karaf names the command's thread after its whole line, and the log shows thread names:
        // the person's address would be written to the log by the very request to forget it
        Thread me = Thread.currentThread();
        String name = me.getName();
        me.setName("talon:erase-contact");
        Map<String, Integer> erased;
        try {
            erased = retention.erase(a);
        } finally {
            me.setName(name);
        }
        System.out.println(text("erase.done", a.masked(), erased.isEmpty() ? text("erase.noDomain") : describe(erased)));
        return null;
    }

    static final Texts TEXTS = Texts.of(EraseContactCommand.class, "org.talon.event.internal.command.messages");

    static String text(String key, Object... args) {
        return TEXTS.text(java.util.Locale.getDefault(), key, args);
    }

    /** {@code 3 tickets, 1 bookings}: how many records of each domain. */
    static String describe(Map<String, Integer> erased) {
        StringBuilder b = new StringBuilder();
        erased.forEach((name, n) -> {
            if (n == 0) return;
            if (b.length() > 0) b.append(", ");
            b.append(text("records", n, name));
        });
        return b.length() == 0 ? text("nothing") : b.toString();
    }
}
