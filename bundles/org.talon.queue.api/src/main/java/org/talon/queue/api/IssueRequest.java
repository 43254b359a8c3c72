package org.talon.queue.api;

/**
 * What a kiosk, a web page or reception asks for when issuing a ticket.
 *
 * @param branch   branch id
 * @param service  service code
 * @param priority priority class, {@code null} for normal
 * @param channel  where it is issued, {@code null} for API
 * @param language language tag, {@code null} for the branch's default
 * @param contact  phone or e-mail, or {@code null}
 * @param idempotencyKey a client's key for this request, or {@code null}: a retried request with
 *                 the same key from the same caller (in the same branch, the same day) gets the same
 *                 ticket back, never a second one; the same key with a different request is refused
 *                 ({@link QueueException.Reason#KEY_REUSED})
 * @param issuedBy who asks: the user or device name, or {@code null} (the console); keys are kept
 *                 per caller, so one caller's key never returns another caller's ticket
 */
public record IssueRequest(String branch, String service, PriorityClass priority, Channel channel, String language,
        String contact, String idempotencyKey, String issuedBy) {

    /** A request without a named caller (as before {@code issuedBy} existed). */
    public IssueRequest(String branch, String service, PriorityClass priority, Channel channel, String language,
            String contact, String idempotencyKey) {
        this(branch, service, priority, channel, language, contact, idempotencyKey, null);
    }

    public static IssueRequest of(String branch, String service) {
        return new IssueRequest(branch, service, null, null, null, null, null, null);
    }
}
