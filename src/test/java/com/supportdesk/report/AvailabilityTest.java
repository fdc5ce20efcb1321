package com.supportdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponsePolicy;
import com.supportdesk.sla.ResponseTargets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monthly availability arithmetic, all computed by hand (GMT calendar, 09:00-18:00 weekdays). */
class AvailabilityTest {

    static final ZoneId GMT = CalendarSpec.GMT;
    static final ResponsePolicy POLICY = ResponsePolicy.standard();
    static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    static Availability.Window down(String from, String to) {
        return new Availability.Window(Instant.parse(from), Instant.parse(to), false);
    }

    static Availability.Window maintenance(String from, String to) {
        return new Availability.Window(Instant.parse(from), Instant.parse(to), true);
    }

    static Availability.Month month(String ym, Availability.Window... outages) {
        return Availability.month(YearMonth.parse(ym), GMT, List.of(outages), POLICY, LATER);
    }

    @Test
    void anOutageOverMidnightAtTheEndOfJanuaryIsSplitBetweenTheMonths() {
        Availability.Window w = down("2026-01-31T23:00:00Z", "2026-02-01T01:00:00Z");
        Availability.Month jan = month("2026-01", w);
        Availability.Month feb = month("2026-02", w);
        assertThat(jan.monthSeconds()).isEqualTo(31 * 86_400L);
        assertThat(jan.unscheduledSeconds()).isEqualTo(3600);
        assertThat(jan.percent()).isCloseTo(100.0 * (1 - 3600.0 / 2_678_400), within(1e-12));
        assertThat(ReportStyle.availability(jan.percent())).isEqualTo("99.866 %");
        assertThat(feb.monthSeconds()).isEqualTo(28 * 86_400L);
        assertThat(feb.unscheduledSeconds()).isEqualTo(3600);
        assertThat(ReportStyle.availability(feb.percent())).isEqualTo("99.851 %");
        assertThat(month("2026-03", w).unscheduledSeconds()).isZero();
    }

    @Test
    void februaryOfALeapYearHas29Days() {
        Availability.Month feb = month("2028-02", down("2028-02-29T10:00:00Z", "2028-02-29T12:00:00Z"));
        assertThat(feb.monthSeconds()).isEqualTo(29 * 86_400L);
        assertThat(feb.monthMinutes()).isEqualTo(41_760);
        assertThat(feb.unscheduledSeconds()).isEqualTo(7200);
        assertThat(feb.availability()).isCloseTo(1 - 7200.0 / 2_505_600, within(1e-12));
        assertThat(feb.complete()).isTrue();
    }

    @Test
    void thirtyAndThirtyOneDayMonthsAndTheTargetExactly() {
        // 0.5 % of a 30-day month is 216 minutes: exactly on target; one second more is below it.
        Availability.Month april = month("2026-04", down("2026-04-01T00:00:00Z", "2026-04-01T03:36:00Z"));
        assertThat(april.monthSeconds()).isEqualTo(30 * 86_400L);
        assertThat(april.downtimeMinutes()).isEqualTo(216.0);
        assertThat(april.meetsTarget()).isTrue();
        assertThat(month("2026-04", down("2026-04-01T00:00:00Z", "2026-04-01T03:36:01Z")).meetsTarget()).isFalse();
        // 0.5 % of a 31-day month is 223.2 minutes: 223 min meets it, 224 does not.
        assertThat(month("2026-07", down("2026-07-01T00:00:00Z", "2026-07-01T03:43:00Z")).meetsTarget()).isTrue();
        assertThat(month("2026-07", down("2026-07-01T00:00:00Z", "2026-07-01T03:44:00Z")).meetsTarget()).isFalse();
        assertThat(month("2026-07").availability()).isEqualTo(1.0);
    }

    @Test
    void scheduledMaintenanceOnASaturdayIsNotCounted() {
        Availability.Window sat = maintenance("2026-07-11T08:00:00Z", "2026-07-11T14:00:00Z");
        assertThat(month("2026-07", sat).unscheduledSeconds()).isZero();
        assertThat(Availability.businessOverlap(sat, POLICY)).isZero();
    }

    @Test
    void scheduledMaintenanceRunningIntoBusinessHoursCountsThatPartAndIsFlagged() {
        Availability.Window tue = maintenance("2026-07-14T17:00:00Z", "2026-07-14T19:00:00Z");
        assertThat(month("2026-07", tue).unscheduledSeconds()).isEqualTo(3600);
        assertThat(Availability.businessOverlap(tue, POLICY)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void scheduledMaintenanceOnAWeekdayBankHolidayIsNotCounted() {
        // Monday 31 August 2026 is the Summer bank holiday in England and Wales.
        Availability.Window w = maintenance("2026-08-31T10:00:00Z", "2026-08-31T12:00:00Z");
        assertThat(month("2026-08", w).unscheduledSeconds()).isZero();
    }

    @Test
    void overlappingOutagesAreCountedOnce() {
        assertThat(month("2026-07", down("2026-07-14T10:00:00Z", "2026-07-14T12:00:00Z"),
                down("2026-07-14T11:00:00Z", "2026-07-14T13:00:00Z"),
                down("2026-07-14T11:15:00Z", "2026-07-14T11:45:00Z")).unscheduledSeconds()).isEqualTo(3 * 3600);
        // Unscheduled 16:30-17:30 and maintenance 17:00-19:00: 16:30-17:30 plus the maintenance's
        // business part not already down, 17:30-18:00.
        assertThat(month("2026-07", down("2026-07-14T16:30:00Z", "2026-07-14T17:30:00Z"),
                maintenance("2026-07-14T17:00:00Z", "2026-07-14T19:00:00Z")).unscheduledSeconds()).isEqualTo(5400);
        // Two overlapping maintenance windows both running into business hours: 17:00-18:00 once.
        assertThat(month("2026-07", maintenance("2026-07-14T16:00:00Z", "2026-07-14T19:00:00Z"),
                maintenance("2026-07-14T15:00:00Z", "2026-07-14T17:30:00Z")).unscheduledSeconds()).isEqualTo(3 * 3600);
        // Maintenance inside an unscheduled outage adds nothing.
        assertThat(month("2026-07", down("2026-07-14T09:00:00Z", "2026-07-14T18:00:00Z"),
                maintenance("2026-07-14T10:00:00Z", "2026-07-14T11:00:00Z")).unscheduledSeconds()).isEqualTo(9 * 3600);
    }

    @Test
    void businessHoursAreThoseOfThePolicyVersionInForceAtEachInstant() {
        PolicyVersion early = new PolicyVersion(Instant.parse("2026-07-20T00:00:00Z"), ResponseTargets.standard(),
                CalendarSpec.standard().withHours(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        ResponsePolicy policy = ResponsePolicy.of(List.of(PolicyVersion.standard(), early));
        Availability.Window before = maintenance("2026-07-14T07:00:00Z", "2026-07-14T09:00:00Z");
        Availability.Window after = maintenance("2026-07-21T07:00:00Z", "2026-07-21T09:00:00Z");
        Availability.Window across = maintenance("2026-07-17T17:00:00Z", "2026-07-20T09:00:00Z");
        assertThat(Availability.businessOverlap(before, policy)).isZero();
        assertThat(Availability.businessOverlap(after, policy)).isEqualTo(Duration.ofHours(1));
        assertThat(Availability.businessOverlap(across, policy)).isEqualTo(Duration.ofHours(2));
        assertThat(Availability.month(YearMonth.of(2026, 7), GMT, List.of(before, after, across), policy, LATER)
                .unscheduledSeconds()).isEqualTo(3 * 3600);
    }

    @Test
    void aMonthNotYetOverIsMarkedIncomplete() {
        Availability.Month m = Availability.month(YearMonth.of(2026, 9), GMT, List.of(), POLICY,
                Instant.parse("2026-09-15T12:00:00Z"));
        assertThat(m.complete()).isFalse();
        assertThat(m.availability()).isEqualTo(1.0);
    }
}
