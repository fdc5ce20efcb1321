package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.mail.MailSystemProperties;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.TestDesk;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail gateway on a team database: {@code ingest} signs in as the intake login, which creates tickets and
 * threads mail but reads no board; what it stored is what the agents see, as their clearance allows.
 */
class TeamIngestTest {

    static {
        MailSystemProperties.install();
    }

    static final String IMAP_PASSWORD = "imap-Secret-42";

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(
            ServerSetup.createCopy(ServerSetupTest.SMTP_IMAP, setup -> setup.createCopy("127.0.0.1"))))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("desk@localhost", "desk", IMAP_PASSWORD))
            .withPerMethodLifecycle(true);

    @TempDir
    Path dir;
    TestDesk desk;
    Agent clara;
    Agent una;

    @BeforeEach
    void open() {
        desk = TestDesk.open(TestDesk.Engine.POSTGRES, dir, Clock.systemUTC());
        desk.intake(); // creates the gateway's login (team init --intake-user gateway)
        clara = desk.agent("clara", Clearance.CLEARED);
        una = desk.agent("una", Clearance.NONE);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    private static void deliver(String from, String subject, String id, String extra, String body) throws Exception {
        String raw = "From: " + from + "\r\nTo: desk@localhost\r\nSubject: " + subject + "\r\nMessage-ID: " + id + "\r\n"
                + extra + "\r\n" + body + "\r\n";
        GREENMAIL.getUserManager().getUser("desk").deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
    }

    private Cli.Result ingest(String user) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.toString(), "--db-url", desk.url(), "ingest",
                "--once", "--imap-url", "imap://desk@127.0.0.1:" + GREENMAIL.getImap().getPort() + "/INBOX", "--tls", "none"));
        if (user != null) {
            args.addAll(List.of("--user", user));
        }
        return new Cli(Clock.systemUTC()).env("SUPPORTDESK_IMAP_PASSWORD", IMAP_PASSWORD)
                .env("SUPPORTDESK_PASSWORD", TestDesk.PASSWORD).run(args.toArray(new String[0]));
    }

    @Test
    void theGatewayFilesMailThatAgentsThenSeeAsTheirClearanceAllows() throws Exception {
        deliver("ann@acme.example", "Sev1 everything is down", "<c1@acme.example>", "", "Nothing loads.");
        deliver("gov@ministry.example", "OFFICIAL-SENSITIVE: records exposed", "<s1@ministry.example>", "",
                "Patient records visible to the wrong team.");

        assertThat(ingest(null).err()).contains("every command signs in");
        Cli.Result r = ingest(TestDesk.INTAKE);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("fetched 2, new tickets 2, threaded 0");

        List<Ticket> board = desk.as(una).tickets().board(una, Instant.EPOCH).stream()
                .sorted(Comparator.comparing(Ticket::id)).toList();
        assertThat(board).hasSize(2);
        assertThat(board.get(0).subject()).isEqualTo("Sev1 everything is down");
        assertThat(board.get(1).subject()).isEqualTo(Ticket.PLACEHOLDER);
        Ticket secret = board.get(1);
        // redirected to the cleared agent with the fewest open tickets, by the gateway, in the same transaction
        assertThat(secret.assigneeId()).isIn(clara.id(), desk.admin().id());
        TicketDetail d = desk.as(clara).tickets().open(clara, secret.id(), "test");
        assertThat(d.ticket().subject()).isEqualTo("OFFICIAL-SENSITIVE: records exposed");
        assertThat(d.messages()).anySatisfy(m -> assertThat(m.body()).contains("Patient records"));

        // a reply threads onto its ticket; the gateway still reads no content
        deliver("ann@acme.example", "Re: [" + board.get(0).ref() + "] Sev1 everything is down", "<c2@acme.example>",
                "In-Reply-To: <c1@acme.example>\r\n", "Still down.");
        Cli.Result again = ingest(TestDesk.INTAKE);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("fetched 1, new tickets 0, threaded 1");
        assertThat(desk.as(una).tickets().open(una, board.get(0).id(), "test").messages())
                .anySatisfy(m -> assertThat(m.body()).contains("Still down."));
        // a stranger writing with the ticket's tag is filed, marked, and never the reply's recipient
        deliver("eve@elsewhere.example", "[" + board.get(0).ref() + "] let me in", "<e1@elsewhere.example>", "",
                "Hello from a stranger.");
        assertThat(ingest(TestDesk.INTAKE).out()).startsWith("fetched 1, new tickets 0, threaded 1");
        assertThat(desk.as(una).tickets().open(una, board.get(0).id(), "test").messages())
                .filteredOn(m -> m.body().contains("stranger")).singleElement()
                .satisfies(m -> assertThat(m.unknownSender()).isTrue());
        assertThat(desk.as(una).tickets().open(una, board.get(0).id(), "test").messages())
                .filteredOn(m -> m.body().contains("Still down.")).singleElement()
                .satisfies(m -> assertThat(m.unknownSender()).isFalse());
        assertThat(desk.intake().tickets().board(null, Instant.EPOCH))
                .allSatisfy(t -> assertThat(t.subject()).isEqualTo(Ticket.PLACEHOLDER));
    }

    @Test
    void theGatewayMayReplaceOnlyTheRefreshTokenItsMailServerRotated() {
        var gateway = desk.intake();
        gateway.database().runInTx(tx -> gateway.settings().put(tx, "mail.oauth.refreshToken", "aesgcm1:rotated"));
        assertThat(desk.store().settings().get("mail.oauth.refreshToken")).contains("aesgcm1:rotated");
        Assertions.assertThatThrownBy(() -> gateway.database().runInTx(tx ->
                gateway.settings().put(tx, "mail.imap.host", "evil.example")))
                .isInstanceOf(StoreException.AccessDenied.class);
        assertThat(desk.store().settings().get("mail.imap.host")).isEmpty();
    }
}
