package com.supportdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Severity;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.ResponsePolicy;
import com.supportdesk.sla.SlaState;
import com.supportdesk.sla.SlaStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Countdown words and colour states, without the toolkit. Calendar: 09:00–18:00 GMT, Mon–Fri. */
class CountdownTest {

    private final ResponseClock clock = new ResponseClock(ResponsePolicy.standard());
    private final Countdown utc = new Countdown(ZoneOffset.UTC);
    // Wednesday 11 March 2026
    private final Instant wed0900 = Instant.parse("2026-03-11T09:00:00Z");

    private SlaStatus s(Severity sev, Instant received, Instant contact, Instant now) {
        return clock.status(sev, received, contact, now);
    }

    @Test
    void runningShowsHoursMinutesSecondsLeft() {
        Instant now = Instant.parse("2026-03-11T10:46:55Z");
        SlaStatus st = s(Severity.S2, wed0900, null, now); // 4h target, 1h46m55s used
        assertThat(st.state()).isEqualTo(SlaState.RUNNING);
        assertThat(utc.text(st, now)).isEqualTo("2h 13m 05s left");
        assertThat(Countdown.Tone.of(st.state()).styleClass()).isEqualTo("countdown-running");
    }

    @Test
    void underAnHourShowsMinutesAndSeconds() {
        Instant now = Instant.parse("2026-03-11T09:10:00Z");
        assertThat(utc.text(s(Severity.S1, wed0900, null, now), now)).isEqualTo("50m 00s left");
    }

    @Test
    void exactlyAQuarterLeftIsAtRiskAndOneSecondMoreIsRunning() {
        Instant quarter = Instant.parse("2026-03-11T09:45:00Z"); // S1: 15 of 60 minutes left
        SlaStatus atRisk = s(Severity.S1, wed0900, null, quarter);
        assertThat(atRisk.state()).isEqualTo(SlaState.AT_RISK);
        assertThat(utc.text(atRisk, quarter)).isEqualTo("15m 00s left");
        assertThat(Countdown.Tone.of(atRisk.state()).styleClass()).isEqualTo("countdown-at-risk");
        SlaStatus before = s(Severity.S1, wed0900, null, quarter.minusSeconds(1));
        assertThat(before.state()).isEqualTo(SlaState.RUNNING);
        assertThat(utc.text(before, quarter.minusSeconds(1))).isEqualTo("15m 01s left");
    }

    @Test
    void pausedSaysWhenItResumesInTheAgentsZone() {
        Instant fri1730 = Instant.parse("2026-03-13T17:30:00Z");
        Instant sat = Instant.parse("2026-03-14T12:00:00Z");
        SlaStatus st = s(Severity.S2, fri1730, null, sat);
        assertThat(st.state()).isEqualTo(SlaState.PAUSED);
        assertThat(utc.text(st, sat)).isEqualTo("paused \u2014 resumes Mon 09:00");
        assertThat(new Countdown(ZoneId.of("Europe/Paris")).text(st, sat)).isEqualTo("paused \u2014 resumes Mon 10:00");
        assertThat(Countdown.Tone.of(st.state()).styleClass()).isEqualTo("countdown-paused");
    }

    @Test
    void pausedFarAheadShowsTheDate() {
        Instant christmasEve = Instant.parse("2026-12-24T18:30:00Z");
        SlaStatus st = s(Severity.S1, Instant.parse("2026-12-24T17:50:00Z"), null, christmasEve);
        assertThat(st.state()).isEqualTo(SlaState.PAUSED);
        assertThat(utc.text(st, christmasEve)).isEqualTo("paused \u2014 resumes Tue 29 Dec 09:00");
    }

    @Test
    void overdueShowsBusinessTimePastTheDeadline() {
        Instant now = Instant.parse("2026-03-11T11:12:00Z");
        SlaStatus st = s(Severity.S1, wed0900, null, now);
        assertThat(st.state()).isEqualTo(SlaState.OVERDUE);
        assertThat(utc.text(st, now)).isEqualTo("overdue 1h 12m");
        assertThat(Countdown.Tone.of(st.state()).styleClass()).isEqualTo("countdown-overdue");
    }

    @Test
    void overdueAtClosingTimeSaysSince() {
        Instant received = Instant.parse("2026-03-11T17:00:00Z"); // S1 due 18:00
        Instant night = Instant.parse("2026-03-11T20:00:00Z");
        SlaStatus st = s(Severity.S1, received, null, night);
        assertThat(st.state()).isEqualTo(SlaState.OVERDUE);
        assertThat(utc.text(st, night)).isEqualTo("overdue since Wed 18:00");
    }

    @Test
    void metAndMissedShowTheResponseTime() {
        Instant later = Instant.parse("2026-03-11T16:00:00Z");
        SlaStatus met = s(Severity.S2, wed0900, wed0900.plusSeconds(42 * 60), later);
        assertThat(met.state()).isEqualTo(SlaState.MET);
        assertThat(utc.text(met, later)).isEqualTo("met in 42m");
        assertThat(Countdown.Tone.of(met.state()).styleClass()).isEqualTo("countdown-met");
        SlaStatus missed = s(Severity.S1, wed0900, wed0900.plusSeconds(80 * 60), later);
        assertThat(missed.state()).isEqualTo(SlaState.MISSED);
        assertThat(utc.text(missed, later)).isEqualTo("missed by 20m");
        assertThat(Countdown.Tone.of(missed.state()).styleClass()).isEqualTo("countdown-missed");
    }

    @Test
    void metExactlyAtTheDeadlineIsMet() {
        SlaStatus st = s(Severity.S1, wed0900, wed0900.plusSeconds(3600), wed0900.plusSeconds(7200));
        assertThat(st.state()).isEqualTo(SlaState.MET);
        assertThat(utc.text(st, wed0900.plusSeconds(7200))).isEqualTo("met in 1h 00m");
    }

    @Test
    void everyStateHasItsOwnColourClass() {
        for (SlaState state : SlaState.values()) {
            assertThat(Countdown.Tone.of(state).styleClass()).startsWith("countdown-").doesNotContain("_");
        }
        assertThat(Arrays.stream(SlaState.values()).map(Countdown.Tone::of).distinct()).hasSize(SlaState.values().length);
    }

    @Test
    void shortDurations() {
        assertThat(Countdown.hm(30)).isEqualTo("30s");
        assertThat(Countdown.hm(65 * 60)).isEqualTo("1h 05m");
        assertThat(Countdown.severityText(Severity.S2)).isEqualTo("S2 Major");
    }
}
