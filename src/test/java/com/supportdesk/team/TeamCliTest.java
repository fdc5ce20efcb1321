package com.supportdesk.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Launcher;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.ChildJvm;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on a team database: set-up, sign-in, roles, the audit and the live change feed. */
class TeamCliTest {

    static final AtomicInteger N = new AtomicInteger();

    @TempDir
    Path dir;
    TestDesk desk;
    Agent clara;
    Agent una;

    @BeforeEach
    void open() {
        desk = TestDesk.open(TestDesk.Engine.POSTGRES, dir, Clock.systemUTC());
        clara = desk.agent("clara", Clearance.CLEARED);
        una = desk.agent("una", Clearance.NONE);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    private Cli as(String user) {
        return new Cli(Clock.systemUTC()).env("SUPPORTDESK_PASSWORD", TestDesk.PASSWORD);
    }

    private Cli.Result run(String user, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("cli").toString(), "--db-url", desk.url()));
        all.addAll(List.of(args));
        return as(user).run(all.toArray(new String[0]));
    }

    @Test
    void teamInitSetsUpAnEmptyDatabaseAsItsOwnerWithTheFirstAdminAndTheGateway() throws Exception {
        String db = "sdt_init_" + N.incrementAndGet();
        try (Connection su = TestPostgres.superuser("postgres"); Statement st = su.createStatement()) {
            st.execute("CREATE DATABASE " + db + " OWNER " + TestPostgres.OWNER);
        }
        String url = TestPostgres.url(db);
        Cli owner = new Cli(Clock.systemUTC()).env("SUPPORTDESK_DB_PASSWORD", new String(TestPostgres.OWNER_PASSWORD))
                .env("SUPPORTDESK_NEW_PASSWORD", TestDesk.PASSWORD);
        Cli.Result init = owner.run("--db-url", url, "team", "init", "--owner", TestPostgres.OWNER, "--admin", "ada",
                "--admin-name", "Ada Admin", "--admin-cleared", "--intake-user", "mailgate");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("Created the admin ada (agent, lead, admin, cleared).")
                .contains("Created the mail gateway login mailgate.").contains("Group roles: " + db + "_agent");
        Cli ada = new Cli(Clock.systemUTC()).env("SUPPORTDESK_PASSWORD", TestDesk.PASSWORD);
        Cli.Result list = ada.run("--data-dir", dir.toString(), "--db-url", url, "agent", "list", "--user", "ada");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("ada,Ada Admin,3,true,true,true,true");
        // running it again changes nothing
        Cli.Result again = owner.run("--db-url", url, "team", "init", "--owner", TestPostgres.OWNER, "--admin", "ada");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("The schema was up to date.").contains("The agent ada already exists");
        // a wrong owner password is one plain sentence
        Cli.Result wrong = new Cli(Clock.systemUTC()).env("SUPPORTDESK_DB_PASSWORD", "nope")
                .run("--db-url", url, "team", "upgrade", "--owner", TestPostgres.OWNER);
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err().strip()).isEqualTo("Unknown user name or wrong password.");
    }

    @Test
    void everyCommandSignsInAndTheDatabaseChecksThePassword() {
        Cli.Result nobody = run(null, "ticket", "create", "--subject", "x", "--severity", "2");
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.err()).contains("On a team database every command signs in");
        Cli.Result created = run("una", "ticket", "create", "--subject", "Printer jam", "--severity", "3", "--user", "una");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out().strip()).matches("SD-\\d+");
        Cli.Result wrong = new Cli(Clock.systemUTC()).env("SUPPORTDESK_PASSWORD", "not it")
                .run("--data-dir", dir.toString(), "--db-url", desk.url(), "agent", "list", "--user", "una");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err().strip()).isEqualTo("Unknown user name or wrong password.");
        Cli.Result backup = run("admin", "backup", "--to", dir.resolve("b.zip").toString(), "--user", "admin");
        assertThat(backup.exit()).isEqualTo(1);
        assertThat(backup.err()).contains("backed up by its server");
    }

    @Test
    void revokingClearanceInAnotherProcessTakesEffectOnTheNextStatementOfAnOpenSession() throws Exception {
        Store asClara = desk.as(clara);
        Ticket t = asClara.changes().create(clara, NewTicket.of("Sensitive subject", Severity.S1, Channel.EMAIL,
                Instant.now()).withClassification(Classification.OFFICIAL_SENSITIVE));
        assertThat(asClara.tickets().get(clara, t.id()).subject()).isEqualTo("Sensitive subject");

        Process child = ChildJvm.start(Map.of("SUPPORTDESK_PASSWORD", TestDesk.PASSWORD), Launcher.class,
                "--data-dir", dir.resolve("child").toString(), "--db-url", desk.url(),
                "agent", "set", "--username", "clara", "--no-cleared", "--user", "admin");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("clara: level 1, not cleared");

        // the same open session, the very next statement: the placeholder, whatever the desk believes
        Ticket seen = asClara.tickets().get(clara, t.id());
        assertThat(seen.redacted()).isTrue();
        assertThat(seen.subject()).isEqualTo(Ticket.PLACEHOLDER);
    }

    @Test
    void nobodyGrantsThemselvesARoleAndOnlyClearedAdminsGiveClearance() {
        Cli.Result self = run("admin", "agent", "set", "--username", "admin", "--no-admin", "--user", "admin");
        assertThat(self.exit()).isEqualTo(1);
        assertThat(self.err()).contains("own admin right");
        assertThat(run("admin", "agent", "set", "--username", "una", "--admin", "--user", "admin").exit()).isZero();
        Cli.Result unclearedAdmin = run("una", "agent", "set", "--username", "una", "--cleared", "--user", "una");
        assertThat(unclearedAdmin.exit()).isEqualTo(1);
        assertThat(unclearedAdmin.err()).contains("ask another admin");
        Cli.Result others = run("una", "agent", "set", "--username", "clara", "--lead", "--user", "una");
        assertThat(others.exit()).as(others.err()).isZero();
        Agent bob = desk.agent("bob", Clearance.NONE);
        Cli.Result give = run("una", "agent", "set", "--username", bob.username(), "--cleared", "--user", "una");
        assertThat(give.exit()).isEqualTo(1);
        assertThat(give.err()).contains("Only a cleared admin may give an agent security clearance.");
        assertThat(desk.store().agents().findByUsername("bob").orElseThrow().cleared()).isFalse();
    }

    @Test
    void deactivatingAnAgentStopsTheirOpenSessionAndTheirSignIn() {
        Store asUna = desk.as(una);
        asUna.tickets().board(una, Instant.EPOCH);
        Cli.Result off = run("admin", "agent", "set", "--username", "una", "--inactive", "--user", "admin");
        assertThat(off.exit()).as(off.err()).isZero();
        Assertions.assertThatThrownBy(() -> asUna.changes().create(una,
                NewTicket.of("x", Severity.S3, Channel.AGENT, Instant.now()))).isInstanceOf(StoreException.class);
        Cli.Result signIn = run("una", "agent", "list", "--user", "una");
        assertThat(signIn.exit()).isEqualTo(1);
    }

    @Test
    void auditListPrintsTheBrowsersCsvForClearedLeadsOnly() {
        Ticket t = desk.as(clara).changes().create(clara, NewTicket.of("Sensitive", Severity.S2, Channel.EMAIL,
                Instant.now()).withClassification(Classification.OFFICIAL_SENSITIVE));
        desk.as(clara).tickets().open(clara, t.id(), "board");
        Cli.Result list = run("admin", "audit", "list", "--user", "admin");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("at_utc,at_local,agent,agent_id,ticket,view")
                .contains(",Clara," + clara.id() + "," + t.ref() + ",board");
        Cli.Result refused = run("una", "audit", "list", "--user", "una");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("Only cleared team leads");
    }

    @Test
    void watchPrintsEachCommittedChangeAsThatAgentMaySeeIt() throws Exception {
        Process child = ChildJvm.start(Map.of("SUPPORTDESK_PASSWORD", TestDesk.PASSWORD), Launcher.class,
                "--data-dir", dir.resolve("watch").toString(), "--db-url", desk.url(), "watch", "--user", "una");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (IOException ignored) {
                // the child stopped
            }
        });
        reader.start();
        try {
            // the watcher has signed in once it sees this first change
            Ticket plain = null;
            String first = null;
            for (int i = 0; i < 60 && first == null; i++) {
                plain = desk.as(clara).changes().create(clara, NewTicket.of("Printer jam " + i, Severity.S2, Channel.AGENT,
                        Instant.now()));
                first = lines.poll(1, TimeUnit.SECONDS);
            }
            assertThat(first).as("the watcher printed a line").isNotNull();
            lines.clear();
            Ticket secret = desk.as(clara).changes().create(clara, NewTicket.of("Classified subject", Severity.S1,
                    Channel.EMAIL, Instant.now()).withClassification(Classification.OFFICIAL_SENSITIVE));
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).matches("\\S+Z " + secret.ref() + " v\\d+ NEW S1 " + Ticket.PLACEHOLDER);
            Ticket p = desk.as(clara).tickets().get(clara, plain.id());
            desk.as(clara).changes().changeStatus(clara, plain.id(), p.version(), TicketStatus.RESOLVED);
            String resolved = lines.poll(10, TimeUnit.SECONDS);
            assertThat(resolved).matches("\\S+Z " + plain.ref() + " v" + (p.version() + 1) + " RESOLVED S2 Printer jam \\d+");
        } finally {
            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
