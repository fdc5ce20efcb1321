package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Placeholder;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.AuditRepository.AuditEntry;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code support-desk template add|list|render|export|import}; {@code TemplateCommandPostgresTest} on PostgreSQL. */
class TemplateCommandTest {

    static final String MARK = "QUOKKA-4411";

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    TestDesk desk;
    Agent lee;
    Agent una;
    Agent clara;
    Ticket plain;
    Ticket secret;

    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    @BeforeEach
    void open() {
        desk = TestDesk.open(engine(), dir.resolve("desk"), clock);
        Agent admin = desk.admin();
        lee = desk.create(new AgentSpec("lee", "Lee Lead", Clearance.NONE, SupportLevel.L2, true, false, true));
        una = desk.agent("una", Clearance.NONE);
        clara = desk.agent("clara", Clearance.CLEARED);
        Customer acme = desk.as(admin).customers().create(admin, "Acme Ltd", false, 0);
        var cal = desk.as(admin).contacts().create(admin, acme.id(), "Cal Jones", "cal@acme.example", null,
                ContactRole.ADMINISTRATOR);
        plain = desk.as(admin).changes().create(admin, NewTicket.of("Printer queue stuck", Severity.S2, Channel.EMAIL,
                clock.instant()).withCustomer(acme.id(), cal.id()));
        secret = desk.as(admin).changes().create(admin, NewTicket.of(MARK + " records export", Severity.S1, Channel.EMAIL,
                clock.instant()).withCustomer(acme.id(), cal.id()).withClassification(Classification.OFFICIAL_SENSITIVE));
    }

    @AfterEach
    void close() {
        desk.close();
    }

    Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("desk").toString()));
        if (desk.postgres()) {
            all.addAll(List.of("--db-url", desk.url()));
        }
        all.addAll(List.of(args));
        return new Cli(clock).env("SUPPORTDESK_PASSWORD", TestDesk.PASSWORD).run(all.toArray(new String[0]));
    }

    Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void addListAndRenderAsTheComposerWouldInsert() throws Exception {
        Path body = file("ack.txt", "Hello {{first_name}},\n\n{{ref}} ({{subject}}) for {{customer}} is {{severity}}:"
                + " {{severity_definition}} We answer within {{response_target}}, {{business_hours}}.\n{{agent_name}}");
        Cli.Result r = run("template", "add", "--name", "Acknowledge", "--shortcut", "ack", "--body-file", body.toString(),
                "--team", "--first-response", "--user", "lee");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Saved the team's reply \u201cAcknowledge\u201d (::ack).");
        r = run("template", "add", "--name", "Log please", "--body-file", file("log.txt", "Send the log, {{first_name}}.")
                .toString(), "--user", "una");
        assertThat(r.exit()).as(r.err()).isZero();

        r = run("template", "list", "--user", "una");
        assertThat(r.out().lines()).containsExactly("team      Acknowledge  ::ack  [first response]",
                "personal  Log please");
        assertThat(run("template", "list", "--user", "clara").out().lines())
                .containsExactly("team      Acknowledge  ::ack  [first response]");

        r = run("template", "render", "ack", "--ticket", plain.ref(), "--user", "una");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Hello Cal,\n\n" + plain.ref() + " (Printer queue stuck) for Acme Ltd is Severity 2:"
                + " Material degradation of performance for isolated users. We answer within 4 Business Hours,"
                + " 09:00\u201318:00 GMT on weekdays, excluding England and Wales bank holidays.\nUna\n");
        r = run("template", "render", "Log please", "--ticket", plain.ref(), "--user", "clara");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("There is no saved reply called \u201cLog please\u201d for you.");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWhenSavedAndTheHelpListsEveryPlaceholder() throws Exception {
        Cli.Result r = run("template", "add", "--name", "Bad", "--body-file", file("bad.txt", "Hi {{name}}").toString(),
                "--user", "una");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("The reply \u201cBad\u201d was not saved: {{name}} is not a placeholder.");
        assertThat(run("template", "list", "--user", "una").out()).startsWith("No saved replies yet");
        r = run("template", "add", "--name", "Team", "--team", "--body-file", file("ok.txt", "Hi").toString(), "--user",
                "una");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("only team leads add the team's saved replies");

        String help = run("template", "add", "--help").out();
        for (Placeholder p : Placeholder.values()) {
            assertThat(help).contains(p.token() + "  ").contains(p.description());
        }
    }

    @Test
    void renderRespectsClearanceAndTheSensitiveMark() throws Exception {
        desk.as(lee).savedReplies().add(lee, new SavedReply.Draft("Plain", "plain", "About {{subject}}", true, false,
                false));
        desk.as(lee).savedReplies().add(lee, new SavedReply.Draft("Cleared", "cleared", "About {{subject}}", true, true,
                false));
        Cli.Result r = run("template", "render", "cleared", "--ticket", secret.ref(), "--user", "una");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo(secret.ref() + " is " + Ticket.PLACEHOLDER + ".");
        assertThat(r.out() + r.err()).doesNotContain(MARK);
        r = run("template", "render", "plain", "--ticket", secret.ref(), "--user", "clara");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("\u201cPlain\u201d is not marked for Official Sensitive tickets");
        r = run("template", "render", "cleared", "--ticket", secret.ref(), "--user", "clara");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("About " + MARK + " records export\n");
        List<AuditEntry> audit = desk.as(desk.admin()).audit().list(desk.admin(), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.agentId()).isEqualTo(clara.id());
            assertThat(e.ticketId()).isEqualTo(secret.id());
            assertThat(e.view()).isEqualTo("template render");
        });
    }

    @Test
    void exportAndImportKeepTheTeamsRepliesInAFile() throws Exception {
        desk.as(lee).savedReplies().add(lee, new SavedReply.Draft("Ack", "ack", "We have {{ref}}.", true, false, true));
        desk.as(una).savedReplies().add(una, new SavedReply.Draft("Mine", null, "mine", false, false, false));
        Path f = dir.resolve("replies.json");
        Cli.Result r = run("template", "export", "--file", f.toString(), "--user", "una");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(f)).contains("\"name\" : \"Ack\"").doesNotContain("Mine");

        Files.writeString(f, Files.readString(f).replace("We have {{ref}}.", "We have {{ref}}, {{first_name}}."));
        r = run("template", "import", "--file", f.toString(), "--user", "una");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("only team leads import");
        r = run("template", "import", "--file", f.toString(), "--user", "lee");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 added, 1 changed, 0 unchanged");
        assertThat(desk.as(una).savedReplies().find(una, "ack").orElseThrow().body()).isEqualTo("We have {{ref}},"
                + " {{first_name}}.");

        Files.writeString(f, Files.readString(f).replace("{{first_name}}", "{{first}}"));
        r = run("template", "import", "--file", f.toString(), "--user", "lee");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith(f + ", line 9: The reply \u201cAck\u201d was not saved: {{first}} is not a"
                + " placeholder.").contains("Nothing was imported.");
        assertThat(desk.as(una).savedReplies().find(una, "ack").orElseThrow().body()).contains("{{first_name}}");
    }
}
