package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestPostgres;
import com.supportdesk.testing.TestSourceDesk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code support-desk team migrate} as an administrator runs it: what it prints, and its exit codes. */
class TeamMigrateCommandTest {

    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");

    private Cli cli(String password) {
        return new Cli(clock).env("SUPPORTDESK_DB_PASSWORD", new String(TestPostgres.OWNER_PASSWORD))
                .env("SUPPORTDESK_NEW_PASSWORD", PASSWORD).env("SUPPORTDESK_PASSWORD", password);
    }

    /** Builds the desk to move in {@code source}, and a team database set up with its admin; returns its URL. */
    private String sourceAndTarget(Path source) {
        new TestSourceDesk(source, clock);
        String url = TestPostgres.freshDatabase();
        assertThat(cli(PASSWORD).run("--db-url", url, "team", "init", "--owner", TestPostgres.OWNER, "--admin", "admin",
                "--admin-cleared").exit()).isZero();
        return url;
    }

    @Test
    void movesTheDeskPrintingEveryTableForBothSidesThenRefusesASecondTime() throws Exception {
        Path source = dir.resolve("desk");
        String url = sourceAndTarget(source);
        Cli cli = cli(PASSWORD);

        Cli.Result wrong = cli("not the password").run("--db-url", url, "team", "migrate", "--from-data-dir",
                source.toString(), "--user", "admin");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("Unknown user name or wrong password.").contains("team init");

        Cli.Result missing = cli.run("--db-url", url, "team", "migrate", "--from-data-dir", dir.resolve("nowhere").toString(),
                "--user", "admin");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("There is no folder " + dir.resolve("nowhere"));

        Cli.Result moved = cli.run("--db-url", url, "team", "migrate", "--from-data-dir", source.toString(),
                "--user", "admin");
        assertThat(moved.exit()).as(moved.err()).isZero();
        List<String> lines = moved.out().lines().toList();
        assertThat(lines.get(0)).matches("table\\s+source rows  source sha-256\\s+target rows  target sha-256");
        Pattern row = Pattern.compile("(\\S+(?: roles)?)\\s+(\\d+)  ([0-9a-f]{16})\\s+(\\d+)  ([0-9a-f]{16})  (same|DIFFERENT)");
        List<String> tables = new ArrayList<>();
        for (String line : lines.subList(1, 19)) {
            Matcher m = row.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            tables.add(m.group(1));
            assertThat(m.group(2)).as(line).isEqualTo(m.group(4));
            assertThat(m.group(3)).as(line).isEqualTo(m.group(5));
            assertThat(m.group(6)).isEqualTo("same");
            assertThat(Long.parseLong(m.group(2))).as(line).isPositive();
        }
        assertThat(tables).containsExactly("customer", "contact", "agent", "agent roles", "agent_audit", "policy_version", "ticket",
                "ticket_event", "message", "attachment", "phone_call", "mail_checkpoint", "quarantine", "training_session",
                "outage", "outage_ticket", "access_audit", "app_setting");
        assertThat(lines).anyMatch(l -> l.matches("ticket\\s+3  .*\\s+3  .*  same"));
        assertThat(moved.out()).contains("Moved the desk in " + source + " into " + url)
                .contains("admin keeps their login and roles")
                .contains("Inactive agents (old) cannot sign in");
        Matcher file = Pattern.compile("are in (\\S+) \\(readable by you only\\)").matcher(moved.out());
        assertThat(file.find()).isTrue();
        Path passwords = Path.of(file.group(1));
        assertThat(passwords.getParent()).isEqualTo(source);
        String una = Files.readAllLines(passwords).stream().filter(l -> l.startsWith("una\t")).findFirst().orElseThrow()
                .substring(4);

        Cli.Result again = cli.run("--db-url", url, "team", "migrate", "--from-data-dir", source.toString(),
                "--user", "admin", "--passwords-file", dir.resolve("again.txt").toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("A desk was already moved into this team database").contains("Nothing was changed");
        assertThat(dir.resolve("again.txt")).doesNotExist();

        // una's one-time password works for choosing her own, and nothing else; then only her own works
        Cli.Result blocked = cli(una).run("--db-url", url, "agent", "list", "--user", "una");
        assertThat(blocked.exit()).isEqualTo(1);
        assertThat(blocked.err()).contains("one-time password");
        assertThat(cli(una).run("--db-url", url, "agent", "password", "--user", "una").exit()).isZero();
        assertThat(cli(una).run("--db-url", url, "agent", "list", "--user", "una").err())
                .contains("Unknown user name or wrong password.");
        Cli.Result list = cli.run("--db-url", url, "agent", "list", "--user", "una");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("clara,Clara,1,true,false,false,true").contains("old,Old Leaver,1,false,false,false,false");
        // ...and she is no admin
        Cli.Result notAdmin = cli.run("--db-url", url, "team", "migrate", "--from-data-dir", source.toString(),
                "--user", "una");
        assertThat(notAdmin.exit()).isEqualTo(1);
        assertThat(notAdmin.err()).contains("una is not an admin");
    }

    @Test
    void aDatabaseThatWasNeverSetUpGetsAPlainMessage() throws Exception {
        Path source = dir.resolve("desk");
        String url = sourceAndTarget(source);
        Cli cli = cli(PASSWORD);
        String plain = "sdt_plain_" + ProcessHandle.current().pid();
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + plain);
            st.execute("CREATE DATABASE " + plain);
        }
        Cli.Result r = cli.run("--db-url", TestPostgres.url(plain), "team", "migrate", "--from-data-dir",
                source.toString(), "--user", "admin");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is not set up for Support Desk").contains("team init");
        Cli.Result noUrl = cli.run("team", "migrate", "--from-data-dir", source.toString(), "--user", "admin");
        assertThat(noUrl.exit()).isEqualTo(2);
        assertThat(noUrl.err()).contains("Give the team database with --db-url");
    }
}
