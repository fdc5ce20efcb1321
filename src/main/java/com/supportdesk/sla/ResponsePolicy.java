package com.supportdesk.sla;
import java.time.Instant; import java.util.*;
// TEMPORARY STUB
public final class ResponsePolicy {
    private final List<PolicyVersion> versions;
    private ResponsePolicy(List<PolicyVersion> v) { versions = v; }
    public static ResponsePolicy standard() { return of(List.of(PolicyVersion.standard())); }
    public static ResponsePolicy of(List<PolicyVersion> v) { List<PolicyVersion> l = new ArrayList<>(v); l.sort(Comparator.comparing(PolicyVersion::effectiveFrom)); return new ResponsePolicy(List.copyOf(l)); }
    public PolicyVersion versionAt(Instant t) { PolicyVersion r = versions.get(0); for (PolicyVersion p : versions) if (!p.effectiveFrom().isAfter(t)) r = p; return r; }
    public BusinessCalendar calendarAt(Instant t) { return BusinessCalendar.of(versionAt(t).calendar()); }
    public List<PolicyVersion> versions() { return versions; }
}
