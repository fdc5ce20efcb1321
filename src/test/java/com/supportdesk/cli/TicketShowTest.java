package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.AuditRepository.AuditEntry;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ticket show SD-n --user U [--json]}: the ticket as that agent may see it; {@code TicketShowPostgresTest} on PostgreSQL. */
class TicketShowTest {

    static final String MARK = "ZEBRA-7731";

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    TestDesk desk;
    Agent clara;
    Agent una;
    Ticket plain;
    Ticket secret;

    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    @BeforeEach
    void open() {
        desk = TestDesk.open(engine(), dir.resolve("desk"), clock);
        clara = desk.agent("clara", Clearance.CLEARED);
        una = desk.agent("una", Clearance.NONE);
        Agent admin = desk.admin();
        plain = desk.as(admin).changes().create(admin, NewTicket.of("Printer queue stuck", Severity.S2, Channel.AGENT,
                clock.instant()).withBody("The queue shows 40 jobs waiting."));
        desk.as(admin).changes().addNote(admin, plain.id(), "Restarted the spooler");
        secret = desk.as(admin).changes().create(admin, NewTicket.of(MARK + " records export", Severity.S1, Channel.AGENT,
                clock.instant()).withBody(MARK + " body").withClassification(Classification.OFFICIAL_SENSITIVE));
    }

    @AfterEach
    void close() {
        desk.close();
    }

    private Cli.Result show(String user, String... more) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.resolve("desk").toString()));
        if (desk.postgres()) {
            args.addAll(List.of("--db-url", desk.url()));
        }
        args.addAll(List.of("ticket", "show"));
        args.addAll(List.of(more));
        args.addAll(List.of("--user", user));
        return new Cli(clock).env("SUPPORTDESK_PASSWORD", TestDesk.PASSWORD).run(args.toArray(new String[0]));
    }

    @Test
    void printsTheConversationAndHistoryAsText() {
        Cli.Result r = show("una", plain.ref());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(plain.ref() + "  Printer queue stuck")
                .contains("Conversation").contains("The queue shows 40 jobs waiting.").contains("Restarted the spooler")
                .contains("History").contains("CREATED");
    }

    @Test
    void printsJsonForScripts() throws Exception {
        Cli.Result r = show("una", plain.ref(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("ref").asText()).isEqualTo(plain.ref());
        assertThat(json.get("subject").asText()).isEqualTo("Printer queue stuck");
        assertThat(json.get("severity").asText()).isEqualTo("S2");
        List<String> bodies = new ArrayList<>();
        json.get("conversation").forEach(m -> bodies.add(m.get("body").asText()));
        assertThat(bodies).contains("The queue shows 40 jobs waiting.", "Restarted the spooler");
        assertThat(json.get("history").size()).isPositive();
    }

    @Test
    void anUnclearedAgentGetsThePlainRefusalAndNothingOfTheContent() {
        Cli.Result r = show("una", secret.ref(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo(secret.ref() + " is " + Ticket.PLACEHOLDER + ".");
        assertThat(r.out() + r.err()).doesNotContain(MARK);
    }

    @Test
    void aClearedAgentReadsItAndTheReadIsAuditedWithViewCli() {
        Cli.Result r = show("clara", "SD-" + secret.id());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(MARK + " records export").contains(MARK + " body").contains("OFFICIAL-SENSITIVE");
        List<AuditEntry> audit = desk.as(desk.admin()).audit().list(desk.admin(), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.agentId()).isEqualTo(clara.id());
            assertThat(e.ticketId()).isEqualTo(secret.id());
            assertThat(e.view()).isEqualTo("cli");
        });
    }

    @Test
    void aRefThatIsNoRefIsAUsageError() {
        Cli.Result r = show("una", "printer");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'printer' is not a ticket ref");
    }
}
