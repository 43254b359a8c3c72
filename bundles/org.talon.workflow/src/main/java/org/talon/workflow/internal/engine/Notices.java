package org.talon.workflow.internal.engine;

import org.talon.event.api.BranchTransaction;
import org.talon.workflow.api.Request;

/** What the customer and managers are told of a request, in the command's own transaction; nothing when notifications are not installed. */
public interface Notices {
    Notices NONE = new Notices() {
    };

    /** Registered: its id and where to follow it. */
    default void registered(BranchTransaction tx, Setup s, Request r) {
    }

    /** Ready for pickup, done, rejected or cancelled. */
    default void changed(BranchTransaction tx, Setup s, Request r) {
    }

    /** A staff member's message in a consultation. */
    default void message(BranchTransaction tx, Setup s, Request r, String text) {
    }

    /** Its SLA ran out: the branch's managers are told. */
    default void overdue(BranchTransaction tx, Setup s, Request r) {
    }
}
