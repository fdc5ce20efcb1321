package com.supportdesk.sla;

import com.supportdesk.domain.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * Deadlines, remaining time and state of a ticket's response clock, each measured under the policy
 * version in force at the ticket's {@code received} instant.
 */
public final class ResponseClock {

    private final ResponsePolicy policy;

    public ResponseClock(ResponsePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ResponsePolicy policy() {
        return policy;
    }

    /** The earliest instant at which the business time since {@code received} equals the severity's target. */
    public Instant deadline(Severity s, Instant received) {
        int v = policy.indexAt(received.getEpochSecond(), received.getNano());
        return policy.calendar(v).addBusinessSeconds(received, policy.version(v).targets().secondsOf(s));
    }

    /** Target − business seconds in {@code [received, now]}; negative when overdue. */
    public long remainingSeconds(Severity s, Instant received, Instant now) {
        int v = policy.indexAt(received.getEpochSecond(), received.getNano());
        return policy.version(v).targets().secondsOf(s) - policy.calendar(v).businessSecondsBetween(received, now);
    }

    /** Business seconds in {@code [received, to]} under the version in force at {@code received}. */
    public long businessSeconds(Instant received, Instant to) {
        return policy.calendarAt(received).businessSecondsBetween(received, to);
    }

    /** {@link #deadline(Severity, Instant)} on whole epoch seconds; allocation-free. */
    public long deadline(Severity s, long receivedEpochSecond) {
        int v = policy.indexAt(receivedEpochSecond, 0);
        return policy.calendar(v).addBusinessSeconds(receivedEpochSecond, policy.version(v).targets().secondsOf(s));
    }

    /** {@link #remainingSeconds(Severity, Instant, Instant)} on whole epoch seconds; allocation-free. */
    public long remainingSeconds(Severity s, long receivedEpochSecond, long nowEpochSecond) {
        int v = policy.indexAt(receivedEpochSecond, 0);
        return policy.version(v).targets().secondsOf(s)
                - policy.calendar(v).businessSecondsBetween(receivedEpochSecond, nowEpochSecond);
    }

    /**
     * The clock's state at {@code now}. With a first contact: MET if it is at or before the deadline, else
     * MISSED, with the remaining time frozen at the contact. Without: OVERDUE once {@code now} is after the
     * deadline (remaining is then negative, or 0 when the deadline was a closing time and the desk has not
     * reopened since); else PAUSED while the calendar is closed (with the instant it resumes); else AT_RISK
     * with 25 % of the target or less left; else RUNNING.
     */
    public SlaStatus status(Severity s, Instant received, Instant firstContact, Instant now) {
        int v = policy.indexAt(received.getEpochSecond(), received.getNano());
        BusinessCalendar cal = policy.calendar(v);
        long target = policy.version(v).targets().secondsOf(s);
        Instant deadline = cal.addBusinessSeconds(received, target);
        if (firstContact != null) {
            long used = cal.businessSecondsBetween(received, firstContact);
            SlaState state = firstContact.compareTo(deadline) <= 0 ? SlaState.MET : SlaState.MISSED;
            return new SlaStatus(state, deadline, target, target - used, null, used);
        }
        Objects.requireNonNull(now, "now");
        long remaining = target - cal.businessSecondsBetween(received, now);
        if (now.isAfter(deadline)) {
            return new SlaStatus(SlaState.OVERDUE, deadline, target, remaining, null, -1);
        }
        if (!cal.isOpen(now)) {
            return new SlaStatus(SlaState.PAUSED, deadline, target, remaining, cal.nextOpening(now), -1);
        }
        SlaState state = remaining * 4 <= target ? SlaState.AT_RISK : SlaState.RUNNING;
        return new SlaStatus(state, deadline, target, remaining, null, -1);
    }
}
