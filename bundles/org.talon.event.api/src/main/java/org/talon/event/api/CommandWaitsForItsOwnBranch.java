package org.talon.event.api;

/**
 * A command waited for another command of its own branch ({@link EventLog#submit} from inside a
 * command of the same branch), which its writer could only run after it: a mistake of the calling
 * code, refused at once (since 1.3). Pass the command's transaction to the other domain's
 * operation instead (for example {@code QueueService.issue(tx, request)}).
 */
public class CommandWaitsForItsOwnBranch extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public CommandWaitsForItsOwnBranch(String branch) {
        super("A command of branch " + branch + " cannot wait for another command of the same branch;"
                + " call the other domain's operation with this command's transaction");
    }
}
