package com.supportdesk.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Severity;
import com.supportdesk.sla.CalendarSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PolicyHintsTest {

    private static final CalendarSpec STANDARD = CalendarSpec.standard();

    @Test
    void quotesThePolicyWithTheCalendarsHours() {
        assertThat(PolicyHints.policyText(STANDARD)).isEqualTo("Technical telephone support is for customers'"
                + " administrators, in Business Hours (09:00\u201318:00 GMT on weekdays, excluding UK public holidays);"
                + " registered users may call with simple queries.");
        assertThat(PolicyHints.policyText(STANDARD.withZone(ZoneId.of("Europe/London")).withHours(LocalTime.of(8, 30),
                LocalTime.of(17, 0)))).contains("(08:30\u201317:00 Europe/London on weekdays");
    }

    @Test
    void aTechnicalCallFromARegisteredUserGetsTheNotice() {
        var hint = PolicyHints.forCall(ContactRole.REGISTERED_USER, true, true, STANDARD);
        assertThat(hint).isPresent();
        assertThat(hint.get().reasons()).containsExactly(
                "The caller is a registered user, not an administrator, and this is a technical problem.");
        assertThat(hint.get().text()).endsWith("\u201c" + PolicyHints.policyText(STANDARD) + "\u201d");
    }

    @Test
    void anyCallOutsideBusinessHoursGetsTheNoticeButAnAdministratorInHoursDoesNot() {
        assertThat(PolicyHints.forCall(ContactRole.ADMINISTRATOR, true, false, STANDARD)).get()
                .extracting(PolicyHints.Hint::reasons).asList().containsExactly("This call is outside Business Hours.");
        assertThat(PolicyHints.forCall(null, false, false, STANDARD)).isPresent();
        assertThat(PolicyHints.forCall(ContactRole.ADMINISTRATOR, true, true, STANDARD)).isEmpty();
        assertThat(PolicyHints.forCall(ContactRole.REGISTERED_USER, false, true, STANDARD)).isEmpty();
        assertThat(PolicyHints.forCall(null, true, true, STANDARD)).isEmpty();
    }

    @Test
    void timerTextAndDurations() {
        assertThat(CallTiming.format(Duration.ZERO)).isEqualTo("00:00");
        assertThat(CallTiming.format(Duration.ofSeconds(247))).isEqualTo("04:07");
        assertThat(CallTiming.format(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
        assertThat(CallTiming.elapsed(Instant.parse("2026-11-25T10:00:05Z"), Instant.parse("2026-11-25T10:00:00Z")))
                .isEqualTo(Duration.ZERO);
        assertThat(CallTiming.describe(Duration.ofSeconds(247))).isEqualTo("4 min 7 s");
        assertThat(CallTiming.describe(Duration.ofSeconds(12))).isEqualTo("12 s");
        assertThat(CallTiming.describe(Duration.ofMinutes(62))).isEqualTo("1 h 2 min");
    }

    @Test
    void draftStateSurvivesNewlinesBackslashesAndIgnoresGarbage() {
        DraftState s = new DraftState().put("subject", "Line 1\nLine \\2").put("severity", Severity.S1)
                .put("contact", 42L).put("sensitive", true).put("none", null);
        DraftState back = DraftState.decode(s.encode() + "garbage line\n=no key\n");
        assertThat(back.text("subject")).isEqualTo("Line 1\nLine \\2");
        assertThat(back.enumValue("severity", Severity.class, null))
                .isEqualTo(Severity.S1);
        assertThat(back.longValue("contact")).isEqualTo(42L);
        assertThat(back.flag("sensitive", false)).isTrue();
        assertThat(back.get("none")).isEmpty();
        assertThat(DraftState.decode("severity=S9\ncontact=x").enumValue("severity",
                Severity.class, null)).isNull();
        assertThat(DraftState.decode(null).longValue("contact")).isNull();
    }
}
