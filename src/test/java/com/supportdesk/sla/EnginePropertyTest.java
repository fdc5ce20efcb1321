package com.supportdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fast engine versus {@link SteppingReference} on random cases (fixed seed): random calendars (GMT and
 * Europe/London, every region, random extra closures and removed holidays, sometimes other hours),
 * random received instants 2018–2030 biased towards the edges of the day, every severity, and random
 * "now" and first-contact instants. Deadline, business time, remaining time, next opening and state
 * must agree exactly.
 */
class EnginePropertyTest {

    private static final long SEED = 20_261_224L;
    private static final int CALENDARS = 40;
    private static final int CASES_PER_CALENDAR = 100;
    private static final ZoneId GMT = ZoneId.of("GMT");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final long FIRST = Instant.parse("2018-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("2030-12-20T00:00:00Z").getEpochSecond();

    @Test
    void fastEngineAgreesWithTheSteppingReference() {
        Random rnd = new Random(SEED);
        int checked = 0;
        for (int c = 0; c < CALENDARS; c++) {
            CalendarSpec spec = randomSpec(rnd, c);
            BusinessCalendar fast = BusinessCalendar.of(spec);
            List<LocalDate> closed = new ArrayList<>();
            for (int y = 2017; y <= 2031; y++) {
                closed.addAll(fast.holidays(y));
            }
            SteppingReference ref = new SteppingReference(spec.zone(), spec.opens(), spec.closes(), closed);
            ResponseTargets targets = c % 5 == 4
                    ? new ResponseTargets(Duration.ofSeconds(1 + rnd.nextInt(7200)),
                            Duration.ofSeconds(1 + rnd.nextInt(40_000)), Duration.ofSeconds(1 + rnd.nextInt(100_000)))
                    : ResponseTargets.standard();
            ResponseClock clock = new ResponseClock(ResponsePolicy.of(List.of(new PolicyVersion(Instant.EPOCH, targets, spec))));
            for (int i = 0; i < CASES_PER_CALENDAR; i++) {
                Severity severity = Severity.values()[rnd.nextInt(3)];
                long received = randomInstant(rnd, spec, targets.secondsOf(severity));
                checkCase(spec, fast, ref, clock, targets, severity, received, rnd);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(CALENDARS * CASES_PER_CALENDAR);
    }

    private static void checkCase(CalendarSpec spec, BusinessCalendar fast, SteppingReference ref, ResponseClock clock,
            ResponseTargets targets, Severity severity, long received, Random rnd) {
        String label = spec + " " + severity + " received " + Instant.ofEpochSecond(received);
        long target = targets.secondsOf(severity);
        long refDeadline = ref.addBusinessSeconds(received, target);
        Instant receivedAt = Instant.ofEpochSecond(received);
        assertThat(clock.deadline(severity, receivedAt)).as("deadline " + label).isEqualTo(Instant.ofEpochSecond(refDeadline));
        assertThat(clock.deadline(severity, received)).as("deadline(long) " + label).isEqualTo(refDeadline);

        assertThat(fast.isOpen(received)).as("isOpen " + label).isEqualTo(ref.isOpen(received));
        assertThat(fast.nextOpening(received)).as("nextOpening " + label).isEqualTo(ref.nextOpening(received));

        // "now" anywhere from half a day before received to two days after the deadline
        long now = received - 43_200 + (long) (rnd.nextDouble() * (refDeadline + 2 * 86_400 - received + 43_200));
        if (rnd.nextInt(8) == 0) {
            now = refDeadline + rnd.nextInt(3) - 1; // right at the deadline
        }
        String at = label + " now " + Instant.ofEpochSecond(now);
        long refBusiness = now <= received ? 0 : ref.businessSeconds(received, now);
        assertThat(fast.businessSecondsBetween(received, now)).as("businessSecondsBetween " + at).isEqualTo(refBusiness);
        Instant nowAt = Instant.ofEpochSecond(now);
        assertThat(clock.remainingSeconds(severity, receivedAt, nowAt)).as("remaining " + at).isEqualTo(target - refBusiness);
        assertThat(clock.remainingSeconds(severity, received, now)).as("remaining(long) " + at).isEqualTo(target - refBusiness);

        // state, with no contact or with a contact somewhere around the deadline
        Instant contact = rnd.nextBoolean() ? null : Instant.ofEpochSecond(received + (long) (rnd.nextDouble() * (refDeadline - received) * 1.5));
        SlaStatus expected = referenceStatus(ref, target, received, refDeadline, contact, now);
        assertThat(clock.status(severity, receivedAt, contact, nowAt)).as("status " + at + " contact " + contact).isEqualTo(expected);
    }

    private static SlaStatus referenceStatus(SteppingReference ref, long target, long received, long deadline, Instant contact, long now) {
        Instant deadlineAt = Instant.ofEpochSecond(deadline);
        if (contact != null) {
            long c = contact.getEpochSecond();
            long used = c <= received ? 0 : ref.businessSeconds(received, c);
            return new SlaStatus(c <= deadline ? SlaState.MET : SlaState.MISSED, deadlineAt, target, target - used, null, used);
        }
        long remaining = target - (now <= received ? 0 : ref.businessSeconds(received, now));
        if (now > deadline) {
            return new SlaStatus(SlaState.OVERDUE, deadlineAt, target, remaining, null, -1);
        }
        if (!ref.isOpen(now)) {
            return new SlaStatus(SlaState.PAUSED, deadlineAt, target, remaining, Instant.ofEpochSecond(ref.nextOpening(now)), -1);
        }
        return new SlaStatus(4 * remaining <= target ? SlaState.AT_RISK : SlaState.RUNNING, deadlineAt, target, remaining, null, -1);
    }

    private static CalendarSpec randomSpec(Random rnd, int index) {
        CalendarSpec spec = CalendarSpec.standard().withZone(index % 2 == 0 ? GMT : LONDON)
                .withRegion(HolidayRegion.values()[index % 6 < 4 ? 0 : index % 3]);
        if (index % 4 == 3) {
            int opens = 6 * 60 + rnd.nextInt(4 * 60);
            int closes = opens + 60 + rnd.nextInt(10 * 60);
            spec = spec.withHours(LocalTime.ofSecondOfDay(opens * 60L), LocalTime.ofSecondOfDay(Math.min(closes, 23 * 60 + 59) * 60L));
        }
        Set<LocalDate> extra = new HashSet<>();
        for (int i = rnd.nextInt(12); i > 0; i--) {
            extra.add(LocalDate.of(2018 + rnd.nextInt(13), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
        }
        Set<LocalDate> removed = new HashSet<>();
        List<LocalDate> regionHolidays = BusinessCalendar.of(spec).holidays(2018 + rnd.nextInt(13));
        for (int i = rnd.nextInt(3); i > 0; i--) {
            removed.add(regionHolidays.get(rnd.nextInt(regionHolidays.size())));
        }
        return spec.withExtraClosures(extra).withRemovedHolidays(removed);
    }

    /**
     * Uniform over 2018–2030 half the time; otherwise within a few seconds of an opening, a closing, midnight,
     * or of the instant from which the target ends exactly at closing time.
     */
    private static long randomInstant(Random rnd, CalendarSpec spec, long target) {
        long t = FIRST + (long) (rnd.nextDouble() * (LAST - FIRST));
        if (rnd.nextBoolean()) {
            return t;
        }
        LocalDate day = Instant.ofEpochSecond(t).atZone(spec.zone()).toLocalDate();
        if (rnd.nextInt(4) == 0) {
            day = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        }
        long dayLength = spec.closes().toSecondOfDay() - spec.opens().toSecondOfDay();
        LocalTime edge = switch (rnd.nextInt(4)) {
            case 0 -> spec.opens();
            case 1 -> spec.closes();
            case 2 -> spec.closes().minusSeconds(target % dayLength);
            default -> LocalTime.MIDNIGHT;
        };
        return day.atTime(edge).atZone(spec.zone()).toEpochSecond() + (rnd.nextBoolean() ? 0 : rnd.nextInt(5) - 2);
    }
}
