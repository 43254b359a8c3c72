package org.talon.queue.api;

/**
 * Where a transferred ticket waits next: exactly one of a queue, a counter or an operator's pool.
 *
 * @param kind   what the id names
 * @param id     queue id, counter id or operator id
 * @param first  whether it goes to the head of the line (else it lines up at the end)
 */
public record TransferTarget(Kind kind, String id, boolean first) {
    public enum Kind { QUEUE, COUNTER, OPERATOR }

    public static TransferTarget queue(String id) {
        return new TransferTarget(Kind.QUEUE, id, false);
    }

    public static TransferTarget counter(String id) {
        return new TransferTarget(Kind.COUNTER, id, false);
    }

    public static TransferTarget operator(String id) {
        return new TransferTarget(Kind.OPERATOR, id, false);
    }
}
