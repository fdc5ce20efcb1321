package com.supportdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands: report, training, outage — on the seeded quarter, through the real command line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCliTest {

    Path data;
    @TempDir
    Path out;
    final MutableClock clock = new MutableClock(QuarterFixture.NOW);

    @BeforeAll
    void seed(@TempDir Path dir) {
        data = dir;
        new QuarterFixture(dir).store.close();
    }

    Cli.Result run(String password, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        Cli cli = new Cli(clock);
        if (password != null) {
            cli.env("SUPPORTDESK_PASSWORD", password);
        }
        return cli.run(all);
    }

    @Test
    void writesTheCsvForNobodyWithoutTheSensitiveTickets() throws Exception {
        Path csv = out.resolve("acme.csv");
        Cli.Result r = run(null, "report", "--customer", "acme health trust", "--quarter", "2026-Q3", "--out", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote the 2026-Q3 report of Acme Health Trust to " + csv.toAbsolutePath())
                .contains("14 tickets, 5 breaches, 3 Severity 1 incidents");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("severity,tickets,met,missed,pct_met,median_response_business_seconds,"
                + "p90_response_business_seconds\r\nS1,3,1,2,33.3,1800,5400\r\nS2,4,3,1,75.0,12600,19800\r\n"
                + "S3,7,4,2,66.7,1200,34200\r\n\r\n").doesNotContain("SD-1004").doesNotContain("MARKER");
    }

    @Test
    void writesThePdfForAClearedUser() throws Exception {
        Path pdf = out.resolve("acme-cleared.pdf");
        Cli.Result r = run(TestStores.password("sam"), "report", "--customer", "Acme Health Trust", "--quarter", "2026q3", "--out",
                pdf.toString(), "--user", "sam");
        assertThat(r.exit()).as(r.err()).isZero();
        String text = ReportExportTest.pdfText(Files.readAllBytes(pdf));
        assertThat(text).contains("MARKER-4471-SUBJECT", "OFFICIAL-SENSITIVE", "Sam (security cleared)", "99.429 %");
    }

    @Test
    void badInputGetsPlainErrors() {
        Cli.Result quarter = run(null, "report", "--customer", "Acme Health Trust", "--quarter", "2026-Q5", "--out",
                out.resolve("x.pdf").toString());
        assertThat(quarter.exit()).isEqualTo(2);
        assertThat(quarter.err()).contains("'2026-Q5' is not a calendar quarter");
        Cli.Result customer = run(null, "report", "--customer", "Nobody Ltd", "--quarter", "2026-Q3", "--out",
                out.resolve("x.pdf").toString());
        assertThat(customer.exit()).isEqualTo(1);
        assertThat(customer.err()).contains("No customer called 'Nobody Ltd'").contains("Acme Health Trust");
        Cli.Result folder = run(null, "report", "--customer", "Acme Health Trust", "--quarter", "2026-Q3", "--out",
                out.resolve("no/such/folder/x.pdf").toString());
        assertThat(folder.exit()).isEqualTo(1);
        assertThat(folder.err()).contains("Cannot write the report to").contains("does not exist");
        Cli.Result ext = run(null, "report", "--customer", "Acme Health Trust", "--quarter", "2026-Q3", "--out",
                out.resolve("x.txt").toString());
        assertThat(ext.exit()).isEqualTo(2);
        assertThat(ext.err()).contains("must end in .pdf or .csv");
        Cli.Result password = run("wrong", "report", "--customer", "Acme Health Trust", "--quarter", "2026-Q3", "--out",
                out.resolve("x.pdf").toString(), "--user", "sam");
        assertThat(password.exit()).isEqualTo(1);
        assertThat(password.err()).contains("Unknown user name or wrong password.");
        assertThat(out.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void trainingAddAndList() {
        Cli.Result add = run(TestStores.password("admin"), "training", "add", "--customer", "Other Co", "--date", "2026-10-20", "--topic",
                "Admin console", "--attendees", "Dee, Eve", "--delivered-by", "Tess", "--user", "admin");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added training session #").contains("on 2026-10-20")
                .contains("Other Co: 2 contracted, 1 delivered (as of 2026-10-01), 1 remaining, 1 booked");
        Cli.Result list = run(null, "training", "list", "--customer", "Other Co");
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines()).hasSize(3).first()
                .isEqualTo("Other Co: 2 contracted, 1 delivered (as of 2026-10-01), 1 remaining, 1 booked");
        assertThat(list.out()).contains("2026-08-01  Other customer's session")
                .contains("2026-10-20 (booked)  Admin console  (delivered by Tess; attendees: Dee, Eve)");
        Cli.Result date = run(TestStores.password("admin"), "training", "add", "--customer", "Other Co", "--date", "20/10/2026", "--topic", "x",
                "--user", "admin");
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("'20/10/2026' is not a date");
        Cli.Result denied = run(TestStores.password("una"), "training", "add", "--customer", "Other Co", "--date", "2026-10-21", "--topic", "x",
                "--user", "una");
        assertThat(denied.exit()).isEqualTo(1);
        assertThat(denied.err()).contains("una is not a team lead or admin");
    }

    @Test
    void outageAddWarnsAboutMaintenanceInBusinessHoursAndLists() {
        Cli.Result add = run(TestStores.password("admin"), "outage", "add", "--start", "2026-10-06T17:30:00Z", "--end", "2026-10-06T20:00:00Z",
                "--description", "Kernel patching", "--scheduled", "--customer", "Other Co", "--ticket", "SD-1019",
                "--user", "admin");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("Recorded outage #").contains("2026-10-06T17:30:00Z to 2026-10-06T20:00:00Z  2 h 30 min"
                + "  scheduled  Other Co  Kernel patching  [SD-1019]")
                .contains("Warning: this scheduled maintenance overlaps Business Hours by 30 min");
        Cli.Result list = run(null, "outage", "list", "--customer", "Other Co");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("Kernel patching").contains("Other customer's outage").contains("Network outage")
                .doesNotContain("Records service down");
        // SD-1004 is Official Sensitive: without clearance, which customer's outage it belongs to is not shown
        assertThat(run(null, "outage", "list").out()).contains("Records service down").doesNotContain("SD-1004");
        Cli.Result bad = run(TestStores.password("admin"), "outage", "add", "--start", "yesterday", "--end", "2026-10-06T20:00:00Z",
                "--description", "x", "--user", "admin");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'yesterday' is not an ISO-8601 instant");
        Cli.Result ref = run(TestStores.password("admin"), "outage", "add", "--start", "2026-10-06T17:30:00Z", "--end", "2026-10-06T20:00:00Z",
                "--description", "x", "--ticket", "ticket-9", "--user", "admin");
        assertThat(ref.exit()).isEqualTo(2);
        assertThat(ref.err()).contains("'ticket-9' is not a ticket ref");
    }
}
