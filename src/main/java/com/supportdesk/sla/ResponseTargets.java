package com.supportdesk.sla;

import com.supportdesk.domain.Severity;
import java.time.Duration;
import java.util.Objects;

/** Business time allowed before the first customer contact, per severity. Whole seconds, positive. */
public record ResponseTargets(Duration s1, Duration s2, Duration s3) {

    public ResponseTargets {
        check("S1", s1);
        check("S2", s2);
        check("S3", s3);
    }

    private static void check(String name, Duration d) {
        Objects.requireNonNull(d, name + " target");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " target must be positive, was " + d);
        }
        if (d.getNano() != 0) {
            throw new IllegalArgumentException(name + " target must be whole seconds, was " + d);
        }
    }

    /** S1 1 h, S2 4 h, S3 8 h of business time. */
    public static ResponseTargets standard() {
        return new ResponseTargets(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8));
    }

    public Duration of(Severity s) {
        return switch (s) {
            case S1 -> s1;
            case S2 -> s2;
            case S3 -> s3;
        };
    }

    /** The target in seconds (allocation-free). */
    public long secondsOf(Severity s) {
        return of(s).getSeconds();
    }

    public ResponseTargets with(Severity s, Duration target) {
        return switch (s) {
            case S1 -> new ResponseTargets(target, s2, s3);
            case S2 -> new ResponseTargets(s1, target, s3);
            case S3 -> new ResponseTargets(s1, s2, target);
        };
    }
}
