package com.supportdesk.sla;

import java.time.Instant;

/**
 * The state of a ticket's response clock at one instant.
 *
 * @param deadline the response deadline
 * @param targetSeconds the target in business seconds
 * @param remainingSeconds target minus the business seconds used; negative when overdue; for MET/MISSED the
 *     value at the first contact (frozen)
 * @param resumesAt when the countdown resumes; non-null only when {@link SlaState#PAUSED}
 * @param responseBusinessSeconds business seconds from received to first contact, -1 if no contact yet
 */
public record SlaStatus(SlaState state, Instant deadline, long targetSeconds, long remainingSeconds,
        Instant resumesAt, long responseBusinessSeconds) {

    /** (target − remaining) / target; 1.0 at the deadline, more than 1 when overdue. */
    public double fractionUsed() {
        return (targetSeconds - remainingSeconds) / (double) targetSeconds;
    }

    public boolean responded() {
        return responseBusinessSeconds >= 0;
    }
}
