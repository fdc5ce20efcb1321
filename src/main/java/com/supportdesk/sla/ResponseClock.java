package com.supportdesk.sla;
import java.time.Instant; import com.supportdesk.domain.Severity;
// TEMPORARY STUB
public final class ResponseClock {
    private final ResponsePolicy policy;
    public ResponseClock(ResponsePolicy p) { policy = p; }
    public ResponsePolicy policy() { return policy; }
    public Instant deadline(Severity s, Instant r) { return policy.calendarAt(r).addBusinessSeconds(r, policy.versionAt(r).targets().of(s).toSeconds()); }
    public long remainingSeconds(Severity s, Instant r, Instant now) { return policy.versionAt(r).targets().of(s).toSeconds() - businessSeconds(r, now); }
    public long businessSeconds(Instant r, Instant to) { return policy.calendarAt(r).businessSecondsBetween(r, to); }
    public SlaStatus status(Severity s, Instant r, Instant fc, Instant now) {
        Instant d = deadline(s, r); long t = policy.versionAt(r).targets().of(s).toSeconds();
        if (fc != null) { long rem = remainingSeconds(s, r, fc); return new SlaStatus(fc.isAfter(d) ? SlaState.MISSED : SlaState.MET, d, t, rem, null, businessSeconds(r, fc)); }
        long rem = remainingSeconds(s, r, now);
        if (rem < 0) return new SlaStatus(SlaState.OVERDUE, d, t, rem, null, -1);
        BusinessCalendar c = policy.calendarAt(r);
        if (!c.isOpen(now)) return new SlaStatus(SlaState.PAUSED, d, t, rem, c.nextOpening(now), -1);
        return new SlaStatus(rem * 4 <= t ? SlaState.AT_RISK : SlaState.RUNNING, d, t, rem, null, -1);
    }
}
