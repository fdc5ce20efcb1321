package com.supportdesk.sla;
import java.time.Duration; import com.supportdesk.domain.Severity;
// TEMPORARY STUB
public record ResponseTargets(Duration s1, Duration s2, Duration s3) {
    public static ResponseTargets standard() { return new ResponseTargets(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8)); }
    public Duration of(Severity s) { return switch (s) { case S1 -> s1; case S2 -> s2; case S3 -> s3; }; }
}
