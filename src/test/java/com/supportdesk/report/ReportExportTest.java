package com.supportdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Ticket;
import com.supportdesk.testing.PdfText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The seeded quarter written as PDF (text extracted with OpenPDF) and CSV, for cleared and uncleared readers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportExportTest {

    static final String PLACEHOLDER = Ticket.PLACEHOLDER;

    QuarterFixture f;
    QuarterlyReport cleared;
    QuarterlyReport uncleared;
    String clearedText;
    String unclearedText;
    byte[] unclearedPdf;

    @BeforeAll
    void seed(@TempDir Path dir) throws IOException {
        f = new QuarterFixture(dir);
        cleared = f.reports().build(f.cleared, QuarterFixture.CUSTOMER, ReportServiceTest.Q3);
        uncleared = f.reports().build(f.uncleared, QuarterFixture.CUSTOMER, ReportServiceTest.Q3);
        clearedText = pdfText(pdf(cleared));
        unclearedPdf = pdf(uncleared);
        unclearedText = pdfText(unclearedPdf);
    }

    @AfterAll
    void close() {
        f.store.close();
    }

    static String pdfText(byte[] pdf) {
        return PdfText.of(pdf);
    }

    /** Without any whitespace: table cells come out of the extractor with or without spaces between them. */
    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    byte[] pdf(QuarterlyReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.reports().write(r, ReportFormat.PDF, out, null);
        return out.toByteArray();
    }

    String csv(QuarterlyReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.reports().write(r, ReportFormat.CSV, out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void thePdfHoldsEveryFigure() {
        String s = squash(clearedText);
        assertThat(clearedText).contains("Quarterly incident and activity report", "Acme Health Trust",
                "2026-Q3", "July to September 2026", "Prepared for", "Sam (security cleared)");
        // title page: 16 tickets, 8 of 15 decided responses in time, 7 breaches, lowest month 99.429 %
        assertThat(s).contains(squash("16 tickets received 53.3 % responses in time 7 breaches 99.429 %"));
        // tickets by severity, channel and level, with totals
        assertThat(s).contains(squash("Severity 1 4 Severity 2 5 Severity 3 7 Total 16"),
                squash("E-mail 7 Phone 4 Chat 3 Agent 2 Total 16"), squash("Level 1 12 Level 2 3 Level 3 1 Total 16"));
        // compliance rows: severity, target, tickets, met, missed, pending, % met, median, 90th percentile
        assertThat(s).contains(squash("Severity 1 1 h 4 1 3 0 25.0 % 1 h 30 min 2 h"),
                squash("Severity 2 4 h 5 3 2 0 60.0 % 3 h 30 min 5 h 30 min"),
                squash("Severity 3 8 h 7 4 2 1 66.7 % 20 min 9 h 30 min"));
        // breaches in received order, with business time late
        assertThat(s).contains(squash("SD-1002 S1 Login fails for everyone 17 Jul 17:30 20 Jul 09:30 20 Jul 10:00 30 min"),
                squash("SD-1012 S3 Help text out of date 7 Aug 09:00 7 Aug 17:00 10 Aug 09:30 1 h 30 min"),
                squash("SD-1004 S1 MARKER-4471-SUBJECT OFFICIAL-SENSITIVE records unavailable 13 Aug 14:00 13 Aug 15:00"
                        + " 13 Aug 16:00 1 h"),
                squash("SD-1007 S2 Search degraded for two users 28 Aug 16:00 1 Sept 11:00 1 Sept 12:30 1 h 30 min"),
                squash("SD-1014 S3 Column misaligned in report 3 Sept 10:00 3 Sept 18:00 3 Sept 18:30 0 min"),
                squash("SD-1009 S2 MARKER-4471-SUBJECT2 slow sensitive search 29 Sept 17:00 30 Sept 12:00 no response 9 h"),
                squash("SD-1003 S1 Chat widget errors for all users 30 Sept 08:00 30 Sept 10:00 no response 11 h"));
        // an S1 timeline
        assertThat(s).contains(squash("SD-1001 Portal down for all users Resolved · response in time"
                + " Tue 14 Jul 2026 10:00 Received by e-mail Tue 14 Jul 2026 10:30 First response: phone call (in time)"
                + " Tue 14 Jul 2026 10:45 Escalated to level 2 Tue 14 Jul 2026 11:00 Response due"
                + " Tue 14 Jul 2026 14:00 Resolved"));
        // training
        assertThat(clearedText).contains("Sessions contracted: 6. Delivered by 30 Sept 2026: 3. Remaining: 3.");
        assertThat(s).contains(squash("15 Jul 2026 Reporting workshop Ann, Cy Tess"));
        // availability per month: minutes, unscheduled downtime minutes, availability, target
        assertThat(s).contains(squash("July 2026 44640 120.0 99.731 % met"),
                squash("August 2026 44640 255.0 99.429 % not met"), squash("September 2026 43200 60.0 99.861 % met"));
        assertThat(s).contains(squash("Scheduled, but 1 h in Business Hours: counted as unscheduled"));
        // the charts are drawn (their titles and labels are PDF text)
        assertThat(clearedText).contains("Tickets by severity", "Response compliance by severity",
                "Monthly availability against the 99.5 % target", "target 99.5 %");
        // the cleared copy describes sensitive tickets and is marked on every page
        assertThat(clearedText.split("OFFICIAL-SENSITIVE\n", -1).length - 1).isGreaterThanOrEqualTo(8);
    }

    @Test
    void anUnclearedReadersPdfLeavesTheSensitiveTicketsOutAndSaysSo() {
        assertThat(unclearedText).doesNotContain("MARKER").doesNotContainIgnoringCase("marker-4471")
                .doesNotContain("patient").doesNotContain("sensitive search").doesNotContain("records unavailable")
                .doesNotContain("SD-1004").doesNotContain("SD-1009").doesNotContain(PLACEHOLDER);
        String s = squash(unclearedText);
        assertThat(s).contains(squash("Severity 1 1 h 3 1 2 0 33.3 % 30 min 1 h 30 min"));
        assertThat(s).contains(squash("Official Sensitive tickets, if there are any, are left out of this copy"));
        assertThat(unclearedText).doesNotContain("OFFICIAL-SENSITIVE");
        assertThat(squash(clearedText)).doesNotContain(squash("are left out of this copy"));
    }

    @Test
    void csvHasOneRowPerSeverityThenTheBreaches() {
        // without clearance the sensitive tickets (SD-1004 S1, SD-1009 S2) are not in the figures at all
        assertThat(csv(uncleared)).isEqualTo(String.join("\r\n",
                "severity,tickets,met,missed,pct_met,median_response_business_seconds,p90_response_business_seconds",
                "S1,3,1,2,33.3,1800,5400",
                "S2,4,3,1,75.0,12600,19800",
                "S3,7,4,2,66.7,1200,34200",
                "",
                "ref,severity,subject,received,deadline,responded,business_seconds_late",
                "SD-1002,S1,Login fails for everyone,2026-07-17T17:30:00Z,2026-07-20T09:30:00Z,2026-07-20T10:00:00Z,1800",
                "SD-1012,S3,Help text out of date,2026-08-07T09:00:00Z,2026-08-07T17:00:00Z,2026-08-10T09:30:00Z,5400",
                "SD-1007,S2,Search degraded for two users,2026-08-28T16:00:00Z,2026-09-01T11:00:00Z,2026-09-01T12:30:00Z,5400",
                "SD-1014,S3,Column misaligned in report,2026-09-03T10:00:00Z,2026-09-03T18:00:00Z,2026-09-03T18:30:00Z,0",
                "SD-1003,S1,Chat widget errors for all users,2026-09-30T08:00:00Z,2026-09-30T10:00:00Z,no response,39600",
                ""));
        assertThat(csv(cleared)).contains("SD-1004,S1,MARKER-4471-SUBJECT OFFICIAL-SENSITIVE records unavailable,")
                .startsWith("severity,tickets,met,missed,pct_met,median_response_business_seconds,"
                        + "p90_response_business_seconds\r\nS1,4,1,3,25.0,5400,7200\r\n");
    }

    @Test
    void aQuarterWithoutDataStillHasTheFullCsvShape() {
        QuarterlyReport empty = f.reports().build(f.cleared, "Other Co", Quarter.parse("2025-Q1"));
        assertThat(csv(empty)).isEqualTo("severity,tickets,met,missed,pct_met,median_response_business_seconds,"
                + "p90_response_business_seconds\r\nS1,0,0,0,,,\r\nS2,0,0,0,,,\r\nS3,0,0,0,,,\r\n\r\n"
                + "ref,severity,subject,received,deadline,responded,business_seconds_late\r\n");
        assertThat(squash(pdfText(pdf(empty)))).contains(squash("No response deadline was missed in 2025-Q1."),
                squash("There were no Severity 1 incidents in 2025-Q1."), squash("Severity 1 1 h 0 0 0 0 n/a n/a n/a"));
    }

    @Test
    void exportWritesTheFileWithProgressFromZeroToOne(@TempDir Path out) throws IOException {
        List<Double> progress = new ArrayList<>();
        Path file = out.resolve("acme-2026-Q3.PDF");
        QuarterlyReport r = f.reports().export(f.uncleared, "acme health trust", ReportServiceTest.Q3, file, progress::add);
        assertThat(r.customerName()).isEqualTo(QuarterFixture.CUSTOMER);
        assertThat(Files.readAllBytes(file)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(progress).first().isEqualTo(0.0);
        assertThat(progress).last().isEqualTo(1.0);
        assertThat(progress).isSorted().hasSizeGreaterThan(8);
        Path csv = out.resolve("acme.csv");
        f.reports().write(r, csv, null);
        assertThat(Files.readString(csv)).startsWith("severity,tickets,");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("acme-2026-Q3.PDF", "acme.csv");
        }
    }

    @Test
    void writingFailsPlainlyAndLeavesNothingBehind(@TempDir Path out) throws IOException {
        assertThatThrownBy(() -> f.reports().write(uncleared, out.resolve("missing/report.pdf"), null))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("does not exist");
        Files.createDirectory(out.resolve("folder.pdf"));
        assertThatThrownBy(() -> f.reports().write(uncleared, out.resolve("folder.pdf"), null))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> f.reports().write(uncleared, out.resolve("report.docx"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end in .pdf or .csv");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("folder.pdf");
        }
    }

    @Test
    void aCancelledExportStops() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> f.reports().build(f.uncleared, QuarterFixture.CUSTOMER, ReportServiceTest.Q3, x -> { }))
                    .isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
