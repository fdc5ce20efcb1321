package com.supportdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.report.QuarterlyReport.Breach;
import com.supportdesk.report.QuarterlyReport.Compliance;
import com.supportdesk.report.QuarterlyReport.Incident;
import com.supportdesk.report.QuarterlyReport.OutageLine;
import com.supportdesk.report.QuarterlyReport.Outcome;
import com.supportdesk.report.QuarterlyReport.TimelineEntry;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every figure of the seeded quarter (see {@link QuarterFixture}), worked out by hand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportServiceTest {

    static final Quarter Q3 = Quarter.parse("2026-Q3");

    QuarterFixture f;

    @BeforeAll
    void seed(@TempDir Path dir) {
        f = new QuarterFixture(dir);
    }

    @AfterAll
    void close() {
        f.store.close();
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void countsBySeverityChannelAndLevel() {
        QuarterlyReport r = f.reports().build(f.cleared, QuarterFixture.CUSTOMER, Q3);
        assertThat(r.customerName()).isEqualTo(QuarterFixture.CUSTOMER);
        assertThat(r.quarter()).isEqualTo(Q3);
        assertThat(r.generatedAt()).isEqualTo(QuarterFixture.NOW);
        assertThat(r.totalTickets()).isEqualTo(16);
        assertThat(r.bySeverity()).containsExactly(Map.entry(Severity.S1, 4), Map.entry(Severity.S2, 5),
                Map.entry(Severity.S3, 7));
        assertThat(r.byChannel()).containsExactly(Map.entry(Channel.EMAIL, 7), Map.entry(Channel.PHONE, 4),
                Map.entry(Channel.CHAT, 3), Map.entry(Channel.AGENT, 2));
        assertThat(r.byLevel()).containsExactly(Map.entry(SupportLevel.L1, 12), Map.entry(SupportLevel.L2, 3),
                Map.entry(SupportLevel.L3, 1));
        assertThat(r.withheldTickets()).isZero();
        assertThat(r.sensitiveDescribed()).isEqualTo(2);
        assertThat(r.policySummary()).contains("S1 1 h, S2 4 h, S3 8 h").contains("09:00\u201318:00 GMT")
                .contains("England and Wales").doesNotContain("changed during");
    }

    @Test
    void responseCompliancePerSeverity() {
        QuarterlyReport r = f.reports().build(f.cleared, QuarterFixture.CUSTOMER, Q3);
        // S1: met SD-1001; missed SD-1002, SD-1004 (late contact) and SD-1003 (open past its deadline).
        // Response times 1800, 5400, 7200: nearest-rank median = rank ceil(1.5) = 2, p90 = rank ceil(2.7) = 3.
        assertThat(r.compliance(Severity.S1)).isEqualTo(new Compliance(Severity.S1, 3600, 4, 1, 3, 0, 25.0, 5400L, 7200L));
        // S2: met 1005, 1006, 1008; missed 1007 and 1009 (open). Times 900, 12600, 14340, 19800: ranks 2 and 4.
        assertThat(r.compliance(Severity.S2)).isEqualTo(new Compliance(Severity.S2, 14400, 5, 3, 2, 0, 60.0, 12600L,
                19800L));
        // S3: met 1010, 1011, 1015, 1016; missed 1012 and 1014 (18:30 reply after an 18:00 deadline);
        // 1013 pending (due Thu 1 Oct 14:00, after the report). Times 300, 600, 1200, 25200, 28800, 34200:
        // median rank ceil(3.0) = 3, p90 rank ceil(5.4) = 6.
        Compliance s3 = r.compliance(Severity.S3);
        assertThat(s3).extracting(Compliance::tickets, Compliance::met, Compliance::missed, Compliance::pending,
                Compliance::medianResponseSeconds, Compliance::p90ResponseSeconds)
                .containsExactly(7, 4, 2, 1, 1200L, 34200L);
        assertThat(s3.pctMet()).isCloseTo(400.0 / 6, within(1e-9));
        assertThat(r.compliance()).extracting(Compliance::severity).containsExactly(Severity.S1, Severity.S2, Severity.S3);
    }

    @Test
    void breachesInReceivedOrderWithBusinessTimeLate() {
        QuarterlyReport r = f.reports().build(f.cleared, QuarterFixture.CUSTOMER, Q3);
        assertThat(r.breaches()).extracting(Breach::ref, Breach::severity, Breach::received, Breach::deadline,
                Breach::respondedAt, Breach::businessSecondsLate).containsExactly(
                tuple("SD-1002", Severity.S1, t("2026-07-17T17:30:00Z"), t("2026-07-20T09:30:00Z"),
                        t("2026-07-20T10:00:00Z"), 1800L),
                tuple("SD-1012", Severity.S3, t("2026-08-07T09:00:00Z"), t("2026-08-07T17:00:00Z"),
                        t("2026-08-10T09:30:00Z"), 5400L),
                tuple("SD-1004", Severity.S1, t("2026-08-13T14:00:00Z"), t("2026-08-13T15:00:00Z"),
                        t("2026-08-13T16:00:00Z"), 3600L),
                // Friday 16:00 + 2 h, Monday 31 August is a bank holiday, so due Tuesday 11:00; replied 12:30.
                tuple("SD-1007", Severity.S2, t("2026-08-28T16:00:00Z"), t("2026-09-01T11:00:00Z"),
                        t("2026-09-01T12:30:00Z"), 5400L),
                // Replied at 18:30, after the 18:00 deadline but outside Business Hours: missed, 0 late.
                tuple("SD-1014", Severity.S3, t("2026-09-03T10:00:00Z"), t("2026-09-03T18:00:00Z"),
                        t("2026-09-03T18:30:00Z"), 0L),
                // No response: late until the report (Wed 12:00-18:00 + Thu 09:00-12:00 = 9 h).
                tuple("SD-1009", Severity.S2, t("2026-09-29T17:00:00Z"), t("2026-09-30T12:00:00Z"), null, 32400L),
                // Wed 10:00-18:00 + Thu 09:00-12:00 = 11 h.
                tuple("SD-1003", Severity.S1, t("2026-09-30T08:00:00Z"), t("2026-09-30T10:00:00Z"), null, 39600L));
        assertThat(r.breaches()).filteredOn(Breach::withheld).isEmpty();
        assertThat(r.breaches().get(2).subject()).startsWith(QuarterFixture.MARK);
    }

    @Test
    void severityOneIncidentsWithTimelines() {
        QuarterlyReport r = f.reports().build(f.cleared, QuarterFixture.CUSTOMER, Q3);
        assertThat(r.incidents()).extracting(Incident::ref, Incident::status, Incident::outcome).containsExactly(
                tuple("SD-1001", TicketStatus.RESOLVED, Outcome.MET), tuple("SD-1002", TicketStatus.OPEN, Outcome.MISSED),
                tuple("SD-1004", TicketStatus.RESOLVED, Outcome.MISSED), tuple("SD-1003", TicketStatus.NEW, Outcome.MISSED));
        Incident first = r.incidents().get(0);
        assertThat(first.subject()).isEqualTo("Portal down for all users");
        assertThat(first.resolvedAt()).isEqualTo(t("2026-07-14T14:00:00Z"));
        assertThat(first.timeline()).containsExactly(
                new TimelineEntry(t("2026-07-14T10:00:00Z"), "Received by e-mail"),
                new TimelineEntry(t("2026-07-14T10:30:00Z"), "First response: phone call (in time)"),
                new TimelineEntry(t("2026-07-14T10:45:00Z"), "Escalated to level 2"),
                new TimelineEntry(t("2026-07-14T11:00:00Z"), "Response due"),
                new TimelineEntry(t("2026-07-14T14:00:00Z"), "Resolved"));
        assertThat(r.incidents().get(3).timeline()).extracting(TimelineEntry::what)
                .containsExactly("Received by chat", "Response due");
        // The escalation reason is internal and stays out of the customer's report.
        assertThat(r.toString()).doesNotContain("database failover");
    }

    @Test
    void trainingContractedDeliveredRemaining() {
        QuarterlyReport r = f.reports().build(f.cleared, QuarterFixture.CUSTOMER, Q3);
        QuarterlyReport.Training tr = r.training();
        // As of the quarter's last day: May and the two Q3 sessions delivered, November booked.
        assertThat(tr.asOf()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(List.of(tr.contracted(), tr.delivered(), tr.remaining(), tr.planned())).containsExactly(6, 3, 3, 1);
        assertThat(tr.sessions()).extracting(s -> s.heldOn().toString(), s -> s.topic(), s -> s.attendees())
                .containsExactly(tuple("2026-07-15", "Reporting workshop", "Ann, Cy"),
                        tuple("2026-09-10", "New release walkthrough", null));
    }

    @Test
    void monthlyAvailabilityAndOutages() {
        QuarterlyReport r = f.reports().build(f.cleared, QuarterFixture.CUSTOMER, Q3);
        // July: 31 Jul 23:00-24:00 (1 h) + maintenance Tue 14 Jul 17:00-19:00 in hours 17:00-18:00 (1 h);
        //   Saturday maintenance not counted. 7200 s of 2 678 400.
        // August: 1 Aug 00:00-01:00 (1 h) + 13 Aug 13:45-15:15 and 14:30-17:00 merged, 13:45-17:00 (3 h 15 min)
        //   = 15 300 s: 99.429 %, below target. September: 30 Sep 23:00-24:00 = 3600 s of 2 592 000.
        //   The other customer's 10-hour outage on 9 September is not theirs.
        assertThat(r.availability()).extracting(Availability.Month::month, Availability.Month::monthSeconds,
                Availability.Month::unscheduledSeconds, Availability.Month::meetsTarget, Availability.Month::complete)
                .containsExactly(tuple(YearMonth.of(2026, 7), 2_678_400L, 7200L, true, true),
                        tuple(YearMonth.of(2026, 8), 2_678_400L, 15_300L, false, true),
                        tuple(YearMonth.of(2026, 9), 2_592_000L, 3600L, true, true));
        assertThat(r.availability()).extracting(m -> ReportStyle.availability(m.percent()))
                .containsExactly("99.731 %", "99.429 %", "99.861 %");
        assertThat(r.outages()).extracting(OutageLine::description, OutageLine::scheduled, OutageLine::flagged,
                OutageLine::businessHoursOverlap, OutageLine::ticketRefs).containsExactly(
                tuple("Database upgrade (Saturday)", true, false, Duration.ZERO, List.of()),
                tuple("Patch window overran", true, true, Duration.ofHours(1), List.of()),
                tuple("Data centre power failure", false, false, Duration.ZERO, List.of()),
                tuple("Records service down", false, false, Duration.ZERO, List.of("SD-1004")),
                // linked to another customer's S1 ticket, which this customer's report does not name
                tuple("Network outage", false, false, Duration.ZERO, List.of()),
                tuple("Storage failover", false, false, Duration.ZERO, List.of()));
    }

    @Test
    void anUnclearedReadersReportLeavesTheSensitiveTicketsOut() {
        QuarterlyReport full = f.reports().build(f.cleared, QuarterFixture.CUSTOMER, Q3);
        List<String> sensitive = List.of("SD-1004", "SD-1009");
        for (var reader : new Agent[] {f.uncleared, AccessPolicy.NOBODY, null}) {
            QuarterlyReport r = f.reports().build(reader, QuarterFixture.CUSTOMER, Q3);
            // which customer a sensitive ticket belongs to is for cleared staff only: not even its ref is listed
            assertThat(r.toString()).doesNotContain("MARKER").doesNotContain("marker")
                    .doesNotContain("patient").doesNotContain("sensitive search")
                    .doesNotContain("SD-1004").doesNotContain("SD-1009").doesNotContain(Ticket.PLACEHOLDER);
            assertThat(r.withheldTickets()).isZero();
            assertThat(r.sensitiveDescribed()).isZero();
            assertThat(r.readerCleared()).isFalse();
            assertThat(r.totalTickets()).isEqualTo(full.totalTickets() - 2);
            assertThat(r.bySeverity()).containsEntry(Severity.S1, full.bySeverity().get(Severity.S1) - 1)
                    .containsEntry(Severity.S2, full.bySeverity().get(Severity.S2) - 1)
                    .containsEntry(Severity.S3, full.bySeverity().get(Severity.S3));
            assertThat(r.availability()).isEqualTo(full.availability());
            assertThat(r.breaches()).extracting(Breach::ref).isEqualTo(full.breaches().stream().map(Breach::ref)
                    .filter(ref -> !sensitive.contains(ref)).toList());
            assertThat(r.incidents()).extracting(Incident::ref).isEqualTo(full.incidents().stream().map(Incident::ref)
                    .filter(ref -> !sensitive.contains(ref)).toList());
        }
    }

    @Test
    void progressRunsFromZeroToOneAndNeverGoesBack() {
        List<Double> seen = new ArrayList<>();
        f.reports().build(f.uncleared, QuarterFixture.CUSTOMER, Q3, seen::add);
        assertThat(seen).first().isEqualTo(0.0);
        assertThat(seen).last().isEqualTo(1.0);
        assertThat(seen).isSorted();
    }

    @Test
    void unknownCustomerNamesTheKnownOnes() {
        assertThatThrownBy(() -> f.reports().build(f.cleared, "Nobody Ltd", Q3))
                .isInstanceOf(StoreException.NotFound.class).hasMessageContaining("No customer called 'Nobody Ltd'")
                .hasMessageContaining(QuarterFixture.CUSTOMER);
    }

    @Test
    void aQuarterWithNothingInItHasEmptyFigures() {
        QuarterlyReport r = f.reports().build(f.cleared, "Other Co", Quarter.parse("2025-Q1"));
        assertThat(r.totalTickets()).isZero();
        assertThat(r.compliance()).allSatisfy(c -> {
            assertThat(c.pctMet()).isNull();
            assertThat(c.medianResponseSeconds()).isNull();
        });
        assertThat(r.breaches()).isEmpty();
        assertThat(r.incidents()).isEmpty();
        assertThat(r.availability()).allSatisfy(m -> assertThat(m.availability()).isEqualTo(1.0));
        assertThat(r.training().delivered()).isZero();
    }

    @Test
    void nearestRankPercentiles() {
        assertThat(ReportService.nearestRank(new long[] {}, 50)).isNull();
        assertThat(ReportService.nearestRank(new long[] {7}, 90)).isEqualTo(7);
        long[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(ReportService.nearestRank(ten, 50)).isEqualTo(5);
        assertThat(ReportService.nearestRank(ten, 90)).isEqualTo(9);
        long[] eleven = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertThat(ReportService.nearestRank(eleven, 50)).isEqualTo(6);
        assertThat(ReportService.nearestRank(eleven, 90)).isEqualTo(10);
    }
}
