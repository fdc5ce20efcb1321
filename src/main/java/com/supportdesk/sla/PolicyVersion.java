package com.supportdesk.sla;
import java.time.Instant;
// TEMPORARY STUB
public record PolicyVersion(Instant effectiveFrom, ResponseTargets targets, CalendarSpec calendar) {
    public static PolicyVersion standard() { return new PolicyVersion(Instant.parse("2000-01-01T00:00:00Z"), ResponseTargets.standard(), CalendarSpec.standard()); }
}
