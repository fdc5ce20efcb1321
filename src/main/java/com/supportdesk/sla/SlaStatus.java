package com.supportdesk.sla;
import java.time.Instant;
// TEMPORARY STUB
public record SlaStatus(SlaState state, Instant deadline, long targetSeconds, long remainingSeconds, Instant resumesAt, long responseBusinessSeconds) {
    public double fractionUsed() { return (targetSeconds - remainingSeconds) / (double) targetSeconds; }
}
