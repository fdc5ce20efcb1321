package com.supportdesk.sla;

import static com.supportdesk.domain.Severity.S1;
import static com.supportdesk.domain.Severity.S2;
import static com.supportdesk.domain.Severity.S3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.supportdesk.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResponseClockTest {

    private static final ResponseClock CLOCK = new ResponseClock(ResponsePolicy.standard());

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Nested
    class DesignExamples {

        @Test
        void s1ReceivedOnChristmasEveEvening() {
            assertThat(CLOCK.deadline(S1, t("2026-12-24T17:30:00Z"))).isEqualTo(t("2026-12-29T09:30:00Z"));
        }

        @Test
        void s2ReceivedFridayAfternoonEndsAtClosingTime() {
            assertThat(CLOCK.deadline(S2, t("2026-11-27T14:00:00Z"))).isEqualTo(t("2026-11-27T18:00:00Z"));
        }

        @Test
        void s1ReceivedOnASaturday() {
            assertThat(CLOCK.deadline(S1, t("2026-11-28T11:23:45Z"))).isEqualTo(t("2026-11-30T10:00:00Z"));
        }

        @Test
        void s3TakesAWholeBusinessDay() {
            assertThat(CLOCK.deadline(S3, t("2026-11-23T09:00:00Z"))).isEqualTo(t("2026-11-23T17:00:00Z"));
            assertThat(CLOCK.deadline(S3, t("2026-11-23T12:00:00Z"))).isEqualTo(t("2026-11-24T11:00:00Z"));
        }

        @Test
        void primitiveOverloadsAgree() {
            Instant received = t("2026-12-24T17:30:00Z");
            for (Severity s : Severity.values()) {
                assertThat(CLOCK.deadline(s, received.getEpochSecond())).isEqualTo(CLOCK.deadline(s, received).getEpochSecond());
                Instant now = t("2026-12-29T12:00:00Z");
                assertThat(CLOCK.remainingSeconds(s, received.getEpochSecond(), now.getEpochSecond()))
                        .isEqualTo(CLOCK.remainingSeconds(s, received, now));
            }
        }
    }

    @Nested
    class Remaining {

        @Test
        void countsDownOnlyInBusinessHours() {
            Instant received = t("2026-11-27T17:00:00Z"); // Friday, S2: 1 h Friday + 3 h Monday
            assertThat(CLOCK.remainingSeconds(S2, received, t("2026-11-27T17:30:00Z"))).isEqualTo(3 * 3600 + 1800);
            assertThat(CLOCK.remainingSeconds(S2, received, t("2026-11-28T12:00:00Z"))).isEqualTo(3 * 3600);
            assertThat(CLOCK.remainingSeconds(S2, received, t("2026-11-30T11:00:00Z"))).isEqualTo(3600);
            assertThat(CLOCK.remainingSeconds(S2, received, t("2026-11-30T12:00:00Z"))).isZero();
            assertThat(CLOCK.remainingSeconds(S2, received, t("2026-11-30T12:00:01Z"))).isEqualTo(-1);
            assertThat(CLOCK.remainingSeconds(S2, received, t("2026-12-01T12:00:00Z"))).isEqualTo(-9 * 3600);
            assertThat(CLOCK.remainingSeconds(S2, received, t("2026-11-27T16:00:00Z"))).isEqualTo(4 * 3600); // before received
            assertThat(CLOCK.businessSeconds(received, t("2026-11-30T12:00:00Z"))).isEqualTo(4 * 3600);
        }
    }

    @Nested
    class States {

        private final Instant received = t("2026-11-23T10:00:00Z"); // Monday; S1 deadline 11:00

        @Test
        void runningThenAtRiskThenOverdue() {
            SlaStatus s = CLOCK.status(S1, received, null, t("2026-11-23T10:44:59Z"));
            assertThat(s.state()).isEqualTo(SlaState.RUNNING);
            assertThat(s.deadline()).isEqualTo(t("2026-11-23T11:00:00Z"));
            assertThat(s.targetSeconds()).isEqualTo(3600);
            assertThat(s.remainingSeconds()).isEqualTo(901);
            assertThat(s.resumesAt()).isNull();
            assertThat(s.responseBusinessSeconds()).isEqualTo(-1);
            assertThat(s.responded()).isFalse();

            assertThat(CLOCK.status(S1, received, null, t("2026-11-23T10:45:00Z")).state()).isEqualTo(SlaState.AT_RISK); // 25 % left
            SlaStatus atDeadline = CLOCK.status(S1, received, null, t("2026-11-23T11:00:00Z"));
            assertThat(atDeadline.state()).isEqualTo(SlaState.AT_RISK); // remaining 0 at the deadline: not yet overdue
            assertThat(atDeadline.remainingSeconds()).isZero();
            assertThat(atDeadline.fractionUsed()).isEqualTo(1.0);
            SlaStatus overdue = CLOCK.status(S1, received, null, t("2026-11-23T11:00:01Z"));
            assertThat(overdue.state()).isEqualTo(SlaState.OVERDUE);
            assertThat(overdue.remainingSeconds()).isEqualTo(-1);
            assertThat(CLOCK.status(S1, received, null, t("2026-11-24T10:00:00Z")).remainingSeconds()).isEqualTo(-(7 * 3600 + 3600));
        }

        @Test
        void pausedOutsideHoursWithResumeInstant() {
            Instant fridayEvening = t("2026-11-27T17:30:00Z"); // S1: 30 min Friday, 30 min Monday
            SlaStatus s = CLOCK.status(S1, fridayEvening, null, t("2026-11-28T09:00:00Z"));
            assertThat(s.state()).isEqualTo(SlaState.PAUSED);
            assertThat(s.resumesAt()).isEqualTo(t("2026-11-30T09:00:00Z"));
            assertThat(s.remainingSeconds()).isEqualTo(1800);
            assertThat(s.deadline()).isEqualTo(t("2026-11-30T09:30:00Z"));
            // received while closed: paused before the clock even starts
            SlaStatus beforeOpening = CLOCK.status(S3, t("2026-11-28T09:00:00Z"), null, t("2026-11-29T09:00:00Z"));
            assertThat(beforeOpening.state()).isEqualTo(SlaState.PAUSED);
            assertThat(beforeOpening.remainingSeconds()).isEqualTo(8 * 3600);
            assertThat(beforeOpening.resumesAt()).isEqualTo(t("2026-11-30T09:00:00Z"));
            assertThat(CLOCK.status(S1, fridayEvening, null, t("2026-11-30T09:00:00Z")).state()).isEqualTo(SlaState.RUNNING);
            assertThat(CLOCK.status(S1, fridayEvening, null, t("2026-11-30T09:15:00Z")).state()).isEqualTo(SlaState.AT_RISK);
        }

        @Test
        void deadlineAtClosingTimeIsOverdueAsSoonAsItPasses() {
            Instant received = t("2026-11-27T14:00:00Z"); // S2 deadline Friday 18:00
            SlaStatus atClose = CLOCK.status(S2, received, null, t("2026-11-27T18:00:00Z"));
            assertThat(atClose.state()).isEqualTo(SlaState.PAUSED);
            assertThat(atClose.remainingSeconds()).isZero();
            assertThat(atClose.resumesAt()).isEqualTo(t("2026-11-30T09:00:00Z"));
            // after 18:00 the business time stands still at the target (remaining 0), but the deadline has passed
            SlaStatus evening = CLOCK.status(S2, received, null, t("2026-11-27T18:00:01Z"));
            assertThat(evening.state()).isEqualTo(SlaState.OVERDUE);
            assertThat(evening.remainingSeconds()).isZero();
            assertThat(evening.resumesAt()).isNull();
            assertThat(CLOCK.status(S2, received, null, t("2026-11-30T09:00:01Z")).remainingSeconds()).isEqualTo(-1);
        }

        @Test
        void metAndMissedFreezeTheClock() {
            SlaStatus met = CLOCK.status(S1, received, t("2026-11-23T11:00:00Z"), t("2026-11-30T12:00:00Z"));
            assertThat(met.state()).isEqualTo(SlaState.MET);
            assertThat(met.remainingSeconds()).isZero();
            assertThat(met.responseBusinessSeconds()).isEqualTo(3600);
            assertThat(met.responded()).isTrue();
            SlaStatus early = CLOCK.status(S1, received, t("2026-11-23T10:20:00Z"), null);
            assertThat(early.state()).isEqualTo(SlaState.MET);
            assertThat(early.remainingSeconds()).isEqualTo(2400);
            assertThat(early.fractionUsed()).isCloseTo(1 / 3.0, within(1e-9));
            SlaStatus missed = CLOCK.status(S1, received, t("2026-11-23T11:00:01Z"), t("2026-11-30T12:00:00Z"));
            assertThat(missed.state()).isEqualTo(SlaState.MISSED);
            assertThat(missed.remainingSeconds()).isEqualTo(-1);
            assertThat(missed.responseBusinessSeconds()).isEqualTo(3601);
            assertThat(missed.fractionUsed()).isGreaterThan(1.0);
            // contact on Saturday after a Friday 18:00 deadline: missed, though no business time passed since
            SlaStatus weekend = CLOCK.status(S2, t("2026-11-27T14:00:00Z"), t("2026-11-28T10:00:00Z"), t("2026-11-30T10:00:00Z"));
            assertThat(weekend.state()).isEqualTo(SlaState.MISSED);
            assertThat(weekend.remainingSeconds()).isZero();
        }
    }

    @Nested
    class PolicyVersions {

        private final Instant change = t("2026-06-01T00:00:00Z");
        private final PolicyVersion v1 = PolicyVersion.standard();
        private final PolicyVersion v2 = new PolicyVersion(change,
                ResponseTargets.standard().with(S1, Duration.ofHours(2)),
                CalendarSpec.standard().withZone(ZoneId.of("Europe/London")));
        private final ResponsePolicy policy = ResponsePolicy.of(List.of(v2, v1));
        private final ResponseClock clock = new ResponseClock(policy);

        @Test
        void ticketsKeepTheVersionInForceWhenReceived() {
            // Friday 17:30 under v1: 30 min Friday + 30 min Monday (GMT hours)
            assertThat(clock.deadline(S1, t("2026-05-29T17:30:00Z"))).isEqualTo(t("2026-06-01T09:30:00Z"));
            // Monday after the change under v2: 2 h, London hours (09:00 BST = 08:00Z)
            assertThat(clock.deadline(S1, t("2026-06-01T07:00:00Z"))).isEqualTo(t("2026-06-01T10:00:00Z"));
            assertThat(policy.versionAt(change)).isEqualTo(v2);
            assertThat(policy.versionAt(change.minusNanos(1))).isEqualTo(v1);
            assertThat(policy.versionAt(t("1990-01-01T00:00:00Z"))).isEqualTo(v1);
            assertThat(policy.versions()).containsExactly(v1, v2);
            assertThat(policy.calendarAt(change)).isSameAs(policy.calendarAt(t("2030-01-01T00:00:00Z")));
            assertThat(policy.calendarAt(change).spec().zone()).isEqualTo(ZoneId.of("Europe/London"));
            // the old ticket is measured under v1 even when "now" is after the change
            assertThat(clock.remainingSeconds(S1, t("2026-05-29T17:30:00Z"), t("2026-06-01T09:00:00Z"))).isEqualTo(1800);
            assertThat(clock.status(S1, t("2026-05-29T17:30:00Z"), null, t("2026-06-01T09:00:00Z")).targetSeconds()).isEqualTo(3600);
            assertThat(clock.businessSeconds(t("2026-06-01T07:00:00Z"), t("2026-06-01T09:00:00Z"))).isEqualTo(3600);
        }

        @Test
        void earliestVersionCoversEarlierInstants() {
            ResponsePolicy late = ResponsePolicy.of(List.of(v2));
            assertThat(late.versionAt(t("2020-01-01T00:00:00Z"))).isEqualTo(v2);
        }

        @Test
        void invalidPolicies() {
            assertThatThrownBy(() -> ResponsePolicy.of(List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ResponsePolicy.of(List.of(v1, PolicyVersion.standard())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two policy versions");
            assertThatThrownBy(() -> ResponseTargets.standard().with(S2, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ResponseTargets.standard().with(S2, Duration.ofMillis(1500)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void standardTargets() {
            ResponseTargets t = ResponseTargets.standard();
            assertThat(t.of(S1)).isEqualTo(Duration.ofHours(1));
            assertThat(t.of(S2)).isEqualTo(Duration.ofHours(4));
            assertThat(t.of(S3)).isEqualTo(Duration.ofHours(8));
            assertThat(PolicyVersion.standard().effectiveFrom()).isEqualTo(Instant.EPOCH);
        }
    }
}
