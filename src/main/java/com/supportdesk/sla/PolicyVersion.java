package com.supportdesk.sla;

import java.time.Instant;
import java.util.Objects;

/** One version of the response policy, in force from {@code effectiveFrom} (inclusive). */
public record PolicyVersion(Instant effectiveFrom, ResponseTargets targets, CalendarSpec calendar) {

    public PolicyVersion {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** In force since {@link Instant#EPOCH}: standard targets and the standard calendar. */
    public static PolicyVersion standard() {
        return new PolicyVersion(Instant.EPOCH, ResponseTargets.standard(), CalendarSpec.standard());
    }
}
