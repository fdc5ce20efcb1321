package com.supportdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.report.QuarterlyReport.Compliance;
import com.supportdesk.report.QuarterlyReport.Outcome;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.ResponsePolicy;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The report's compliance definitions, shared with the wallboard. */
class ResponseComplianceTest {

    private static final ResponseClock CLOCK = new ResponseClock(ResponsePolicy.standard());
    private static final Instant NOW = Instant.parse("2026-03-11T15:00:00Z");

    private static Ticket ticket(long id, Severity s, String received, String contact) {
        Instant r = Instant.parse(received);
        Instant deadline = CLOCK.deadline(s, r);
        Instant c = contact == null ? null : Instant.parse(contact);
        return new Ticket(id, Ticket.ref(id), "t" + id, null, null, null, null, null, s, SupportLevel.L1,
                c == null ? TicketStatus.NEW : TicketStatus.OPEN, Classification.OFFICIAL, Channel.EMAIL, r, deadline, c,
                c == null ? null : ContactEvent.EMAIL_REPLY, null, null, false, false, null, r, null, 1, false);
    }

    @Test
    void metMissedAndPendingAsTheReportDefinesThem() {
        Ticket metOnTheDot = ticket(1, Severity.S1, "2026-03-11T09:00:00Z", "2026-03-11T10:00:00Z");
        Ticket late = ticket(2, Severity.S1, "2026-03-11T09:00:00Z", "2026-03-11T10:00:01Z");
        Ticket silentPastDeadline = ticket(3, Severity.S1, "2026-03-11T12:00:00Z", null);
        Ticket pending = ticket(4, Severity.S1, "2026-03-11T14:30:00Z", null);
        Ticket otherSeverity = ticket(5, Severity.S2, "2026-03-11T09:00:00Z", "2026-03-11T09:30:00Z");
        assertThat(ResponseCompliance.outcome(metOnTheDot, NOW)).isEqualTo(Outcome.MET);
        assertThat(ResponseCompliance.outcome(late, NOW)).isEqualTo(Outcome.MISSED);
        assertThat(ResponseCompliance.outcome(silentPastDeadline, NOW)).isEqualTo(Outcome.MISSED);
        assertThat(ResponseCompliance.outcome(pending, NOW)).isEqualTo(Outcome.PENDING);

        List<Ticket> all = List.of(metOnTheDot, late, silentPastDeadline, pending, otherSeverity);
        Compliance s1 = ResponseCompliance.of(Severity.S1, 3600, all, CLOCK, NOW);
        assertThat(s1.tickets()).isEqualTo(4);
        assertThat(s1.met()).isEqualTo(1);
        assertThat(s1.missed()).isEqualTo(2);
        assertThat(s1.pending()).isEqualTo(1);
        assertThat(s1.pctMet()).isCloseTo(100.0 / 3, Offset.offset(1e-9));
        // response times 3600 and 3601 business seconds: nearest-rank median is the lower one, p90 the higher
        assertThat(s1.medianResponseSeconds()).isEqualTo(3600);
        assertThat(s1.p90ResponseSeconds()).isEqualTo(3601);

        Compliance s3 = ResponseCompliance.of(Severity.S3, 28_800, all, CLOCK, NOW);
        assertThat(s3.tickets()).isZero();
        assertThat(s3.pctMet()).isNull();
        assertThat(s3.medianResponseSeconds()).isNull();
    }

    @Test
    void theNextChangeIsTheEarliestPendingDeadline() {
        Ticket pending = ticket(4, Severity.S1, "2026-03-11T14:30:00Z", null);
        Ticket laterPending = ticket(6, Severity.S2, "2026-03-11T14:00:00Z", null);
        Ticket answered = ticket(1, Severity.S1, "2026-03-11T14:50:00Z", "2026-03-11T14:55:00Z");
        assertThat(ResponseCompliance.nextChange(List.of(laterPending, pending, answered), NOW))
                .isEqualTo(Instant.parse("2026-03-11T15:30:00Z"));
        assertThat(ResponseCompliance.nextChange(List.of(answered), NOW)).isNull();
        // once past it, that ticket no longer counts as a future change
        assertThat(ResponseCompliance.nextChange(List.of(pending, laterPending), Instant.parse("2026-03-11T15:30:01Z")))
                .isEqualTo(Instant.parse("2026-03-11T18:00:00Z"));
    }
}
