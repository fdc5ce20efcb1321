package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(clock).env("SUPPORTDESK_NEW_PASSWORD", "pw-new-long-enough").env("SUPPORTDESK_PASSWORD", "pw-new-long-enough");
    }

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.run(all);
    }

    private void setUpDesk() {
        assertThat(run("agent", "add", "--username", "root", "--name", "Root Admin").exit()).isZero();
        assertThat(run("agent", "add", "--username", "sam", "--name", "Sam Cleared", "--cleared", "--level", "2",
                "--user", "root").exit()).isZero();
        assertThat(run("agent", "add", "--username", "una", "--name", "Una Uncleared", "--user", "root").exit()).isZero();
        assertThat(run("customer", "add", "--name", "Home Office Digital", "--government", "--training-sessions", "6",
                "--user", "root").exit()).isZero();
        assertThat(run("contact", "add", "--customer", "Home Office Digital", "--name", "Gail Gov", "--email",
                "gail@gov.example", "--phone", "+44 20 7000 0001", "--role", "administrator", "--user", "root").exit()).isZero();
    }

    @Test
    void firstAgentNeedsNoSignInButTheSecondDoes() {
        Cli.Result first = run("agent", "add", "--username", "root", "--name", "Root Admin");
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("Added agent root (admin)");
        Cli.Result second = run("agent", "add", "--username", "x", "--name", "X");
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err()).contains("sign in with --user");
    }

    @Test
    void ticketCreatePrintsTheRefAndExportListsIt() {
        setUpDesk();
        Cli.Result created = run("ticket", "create", "--subject", "Portal down for everyone", "--severity", "1",
                "--customer", "Home Office Digital", "--contact-email", "gail@gov.example", "--channel", "phone",
                "--received", "2026-11-25T09:30:00Z");
        assertThat(created.exit()).isZero();
        assertThat(created.out().strip()).matches("SD-\\d+");
        Cli.Result csv = run("export", "--format", "csv");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out().lines().findFirst().orElseThrow()).isEqualTo("ref,subject,customer,contact,severity,level,status,"
                + "classification,channel,received,deadline,first_contact,first_contact_event,assignee");
        assertThat(csv.out()).contains(created.out().strip() + ",Portal down for everyone,Home Office Digital,Gail Gov,1,1,NEW,"
                + "OFFICIAL,phone,2026-11-25T09:30:00Z,2026-11-25T10:30:00Z,,,");
        Cli.Result json = run("export", "--format", "json");
        assertThat(json.out()).contains("\"ref\": \"" + created.out().strip() + "\"").contains("\"severity\": 1");
    }

    @Test
    void exportWithoutClearanceHoldsOnlyPlaceholdersForSensitiveTickets() {
        setUpDesk();
        String ref = run("ticket", "create", "--subject", "MARKER-SUBJECT-7731 leak", "--severity", "2", "--customer",
                "Home Office Digital", "--body", "MARKER-BODY-7731", "--official-sensitive").out().strip();
        for (String[] who : new String[][] {{}, {"--user", "una"}}) {
            String[] args = new String[2 + who.length];
            args[0] = "export";
            args[1] = "--format=csv";
            System.arraycopy(who, 0, args, 2, who.length);
            Cli.Result r = run(args);
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains(ref + ",Official Sensitive \u2014 cleared staff only,,,2,")
                    .doesNotContain("MARKER").doesNotContain("Home Office");
        }
        Cli.Result cleared = run("export", "--format", "csv", "--user", "sam");
        assertThat(cleared.out()).contains("MARKER-SUBJECT-7731").contains("Sam Cleared");
    }

    @Test
    void badInputGetsAClearMessageAndNonZeroExit() {
        setUpDesk();
        Cli.Result sev = run("ticket", "create", "--subject", "x", "--severity", "7");
        assertThat(sev.exit()).isEqualTo(2);
        assertThat(sev.err()).contains("unknown severity '7'");
        Cli.Result when = run("ticket", "create", "--subject", "x", "--severity", "1", "--received", "yesterday");
        assertThat(when.exit()).isEqualTo(2);
        assertThat(when.err()).contains("'yesterday' is not an ISO-8601 instant");
        Cli.Result cust = run("ticket", "create", "--subject", "x", "--severity", "1", "--customer", "Nobody Ltd");
        assertThat(cust.exit()).isEqualTo(1);
        assertThat(cust.err()).contains("No customer called 'Nobody Ltd'").contains("Home Office Digital");
        Cli.Result role = run("contact", "add", "--customer", "Home Office Digital", "--name", "n", "--email", "a@b.c",
                "--role", "boss", "--user", "root");
        assertThat(role.exit()).isEqualTo(2);
        assertThat(role.err()).contains("Unknown role 'boss'");
        Cli.Result pw = cli.env("SUPPORTDESK_PASSWORD", "wrong").run("--data-dir", dir.toString(), "export", "--user", "sam");
        assertThat(pw.exit()).isEqualTo(1);
        assertThat(pw.err()).contains("Unknown user name or wrong password.");
    }

    @Test
    void backupWritesAZip() throws Exception {
        setUpDesk();
        Path zip = dir.resolve("manual.zip");
        Cli.Result r = run("backup", "--to", zip.toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.size(zip)).isGreaterThan(1000);
    }
}
