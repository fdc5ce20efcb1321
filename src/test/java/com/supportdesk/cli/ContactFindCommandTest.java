package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.AuditRepository.AuditEntry;
import com.supportdesk.store.CallRepository;
import com.supportdesk.store.Store;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code support-desk contact find --phone}, {@code contact default-region} and the phone options of {@code contact
 * add/edit} through the real command line, on the embedded database; {@code ContactFindCommandPostgresTest} runs them
 * on a team database, where every command signs in.
 */
class ContactFindCommandTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    TestDesk desk;
    Agent una;
    Agent clara;
    Contact carl;
    Ticket own;
    Ticket colleagues;
    Ticket secret;
    Ticket closed;

    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    @BeforeEach
    void seed() {
        desk = TestDesk.open(engine(), dir, clock);
        Agent admin = desk.admin();
        una = desk.agent("una", Clearance.NONE);
        clara = desk.agent("clara", Clearance.CLEARED);
        Store s = desk.store();
        Customer acme = s.customers().create(admin, "Acme Widgets", false, 0);
        Customer gov = s.customers().create(admin, "Home Office Digital", true, 0);
        carl = s.contacts().create(admin, acme.id(), "Carl Acme", "carl@acme.example", "+33 (0)1 23 45 67 89", "7", null,
                ContactRole.REGISTERED_USER);
        Contact cora = s.contacts().create(admin, acme.id(), "Cora Acme", "cora@acme.example", "020 7946 0001",
                ContactRole.ADMINISTRATOR);
        s.contacts().create(admin, gov.id(), "Gail Gov", "gail@gov.example", "+44 20 7946 0018", ContactRole.ADMINISTRATOR);
        colleagues = s.changes().create(admin, NewTicket.of("Cora's invoices", Severity.S3, Channel.EMAIL,
                clock.instant().minusSeconds(60)).withCustomer(acme.id(), cora.id()));
        own = s.changes().create(admin, NewTicket.of("Carl's printer", Severity.S2, Channel.PHONE,
                clock.instant().minusSeconds(120)).withCustomer(acme.id(), carl.id()));
        secret = s.changes().create(admin, NewTicket.of("MARKER-7731 Carl's case files", Severity.S2, Channel.PHONE,
                clock.instant().minusSeconds(30)).withCustomer(acme.id(), carl.id())
                .withClassification(Classification.OFFICIAL_SENSITIVE));
        closed = s.changes().create(admin, NewTicket.of("Carl's old one", Severity.S3, Channel.EMAIL,
                clock.instant()).withCustomer(acme.id(), carl.id()));
        s.changes().changeStatus(admin, closed.id(), closed.version(), TicketStatus.CLOSED);
        if (!desk.postgres()) {
            // the embedded file is opened by one process at a time: the command line's
            desk.close();
        }
    }

    @AfterEach
    void close() {
        if (desk.postgres()) {
            desk.close();
        }
    }

    Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", desk.postgres() ? dir.resolve("cli").toString()
                : dir.toString()));
        if (desk.postgres()) {
            all.addAll(List.of("--db-url", desk.url()));
        }
        all.addAll(List.of(args));
        return new Cli(clock).env("SUPPORTDESK_PASSWORD", TestDesk.PASSWORD).run(all.toArray(new String[0]));
    }

    /** Reads the desk as the admin, whichever engine (the embedded file is closed again afterwards). */
    <T> T asAdmin(Function<Store, T> read) {
        if (desk.postgres()) {
            return read.apply(desk.store());
        }
        try (Store s = TestStores.open(dir, clock)) {
            return read.apply(s);
        }
    }

    private static String line(Ticket t, String severity, String status, String subject) {
        return "    " + t.ref() + " \u00b7 " + severity + " \u00b7 " + status + " \u00b7 " + subject;
    }

    @Test
    void findPrintsEachMatchWithCustomerRoleAndOpenTicketsAsTheConsoleShowsThem() {
        for (String typed : List.of("+33 1 23 45 67 89", "0033 (0)1 23 45 67 89", "+33 1 23")) {
            Cli.Result r = run("contact", "find", "--phone", typed, "--user", "una");
            assertThat(r.exit()).as(r.err()).isZero();
            // the uncleared operator does not learn that Carl has an Official Sensitive ticket at all
            assertThat(r.out().lines().toList()).as(typed).containsExactly(
                    "Carl Acme \u2014 Acme Widgets \u00b7 Registered user \u00b7 +33 1 23 45 67 89 ext. 7 \u00b7"
                            + " carl@acme.example",
                    line(own, "S2", "New", "Carl's printer"),
                    line(colleagues, "S3", "New", "Cora's invoices"));
            assertThat(r.out()).doesNotContain(secret.ref()).doesNotContain("MARKER").doesNotContain(closed.ref());
        }
        Cli.Result london = run("contact", "find", "--phone", "+44 (0)20 7946", "--user", "una");
        assertThat(london.out().lines().toList()).containsExactly(
                "Cora Acme \u2014 Acme Widgets \u00b7 Administrator \u00b7 +44 20 7946 0001 \u00b7 cora@acme.example",
                line(colleagues, "S3", "New", "Cora's invoices"),
                line(own, "S2", "New", "Carl's printer"),
                "Gail Gov \u2014 Home Office Digital \u00b7 Administrator \u00b7 UK Government \u00b7 +44 20 7946 0018"
                        + " \u00b7 gail@gov.example",
                "    no open tickets");
        Cli.Result limited = run("contact", "find", "--phone", "020 7946", "--limit", "1", "--user", "una");
        assertThat(limited.out()).startsWith("Cora Acme").doesNotContain("Gail Gov");
    }

    @Test
    void aClearedAgentSeesTheSensitiveTicketAndTheReadIsAudited() {
        Cli.Result r = run("contact", "find", "--phone", "+33 1 23 45 67 89", "--user", "clara");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1).toList()).containsExactly(
                line(secret, "S2", "New", "MARKER-7731 Carl's case files"),
                line(own, "S2", "New", "Carl's printer"),
                line(colleagues, "S3", "New", "Cora's invoices"));
        List<AuditEntry> audit = asAdmin(s -> s.audit().list(desk.admin(), Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z")));
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.ticketId()).isEqualTo(secret.id());
            assertThat(e.agentId()).isEqualTo(clara.id());
            assertThat(e.view()).isEqualTo(CallRepository.VIEW_CALLER);
        });
    }

    @Test
    void noMatchAndNoNumberAreSaidPlainly() {
        Cli.Result none = run("contact", "find", "--phone", "+49 30 1234567", "--user", "una");
        assertThat(none.exit()).isZero();
        assertThat(none.out().strip()).isEqualTo("No contact has a number matching '+49 30 1234567'.");
        Cli.Result name = run("contact", "find", "--phone", "Carl", "--user", "una");
        assertThat(name.exit()).isEqualTo(2);
        assertThat(name.err()).contains("'Carl' is not a phone number");
        Cli.Result wrong = new Cli(clock).env("SUPPORTDESK_PASSWORD", "not it").run(desk.postgres()
                ? new String[] {"--data-dir", dir.resolve("cli").toString(), "--db-url", desk.url(), "contact", "find",
                        "--phone", "+33 1 23", "--user", "una"}
                : new String[] {"--data-dir", dir.toString(), "contact", "find", "--phone", "+33 1 23", "--user", "una"});
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.out()).isEmpty();
    }

    @Test
    void withoutSignInTheEmbeddedDeskAnswersAsNobodyAndATeamDeskRefuses() {
        Cli.Result r = run("contact", "find", "--phone", "+33 1 23 45 67 89");
        if (desk.postgres()) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("On a team database every command signs in");
            assertThat(r.out()).isEmpty();
        } else {
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("Carl Acme", own.ref()).doesNotContain(secret.ref()).doesNotContain("MARKER");
        }
    }

    @Test
    void anAdminSetsTheDefaultRegionAndAContactsRegionOnAddAndEdit() {
        Cli.Result shown = run("contact", "default-region", "--user", "una");
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out().strip()).isEqualTo("GB (United Kingdom)");
        Cli.Result refused = run("contact", "default-region", "IE", "--user", "una");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("una is not an admin");
        Cli.Result bad = run("contact", "default-region", "Eire", "--user", "admin");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'Eire' is not a country code");

        // a Dublin contact added at a UK desk needs her region...
        Cli.Result noRegion = run("contact", "add", "--customer", "Acme Widgets", "--name", "Dara Dublin", "--email",
                "dara@acme.example", "--phone", "01 234 5678", "--role", "user", "--user", "admin");
        assertThat(noRegion.exit()).isEqualTo(1);
        assertThat(noRegion.err()).contains("'01 234 5678' has the wrong number of digits for a phone number in United"
                + " Kingdom");
        Cli.Result added = run("contact", "add", "--customer", "Acme Widgets", "--name", "Dara Dublin", "--email",
                "dara@acme.example", "--phone", "01 234 5678", "--extension", "12", "--region", "ie", "--role", "user",
                "--user", "admin");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out().strip()).isEqualTo("Added contact Dara Dublin <dara@acme.example> to Acme Widgets, phone"
                + " +353 1 234 5678 ext. 12 (region IE)");
        assertThat(run("contact", "find", "--phone", "+353 1 234 5678", "--user", "una").out()).startsWith("Dara Dublin");

        // ...or the desk's default: once it is Ireland, the same digits are read there
        Cli.Result set = run("contact", "default-region", "IE", "--user", "admin");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("now read in IE (Ireland)");
        assertThat(run("contact", "default-region", "--user", "una").out().strip()).isEqualTo("IE (Ireland)");
        Cli.Result second = run("contact", "add", "--customer", "Acme Widgets", "--name", "Declan Dublin", "--email",
                "declan@acme.example", "--phone", "01 234 5679", "--role", "user", "--user", "admin");
        assertThat(second.out()).contains("phone +353 1 234 5679 (region IE)");

        // editing a contact's region reads their number there again
        Cli.Result edited = run("contact", "edit", "--email", "cora@acme.example", "--region", "FR", "--phone",
                "01 23 45 67 00", "--user", "admin");
        assertThat(edited.exit()).as(edited.err()).isZero();
        assertThat(edited.out().strip()).isEqualTo("Changed contact Cora Acme <cora@acme.example>, phone +33 1 23 45 67 00"
                + " (region FR)");
        Cli.Result ext = run("contact", "edit", "--email", "carl@acme.example", "--extension", "", "--user", "admin");
        assertThat(ext.out().strip()).isEqualTo("Changed contact Carl Acme <carl@acme.example>, phone +33 1 23 45 67 89"
                + " (region FR)");
        Cli.Result unknown = run("contact", "edit", "--email", "nobody@acme.example", "--region", "FR", "--user", "admin");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("No contact has the e-mail address nobody@acme.example.");
        String cora = asAdmin(s -> s.contacts().byEmail("cora@acme.example").orElseThrow().phoneE164());
        assertThat(cora).isEqualTo("+33123456700");
    }
}
