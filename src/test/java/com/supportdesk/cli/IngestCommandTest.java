package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.supportdesk.domain.Ticket;
import com.supportdesk.mail.AfterImport;
import com.supportdesk.mail.ImapSettings;
import com.supportdesk.mail.MailSettings;
import com.supportdesk.mail.MailSettingsService;
import com.supportdesk.mail.MailSystemProperties;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.Store;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.DeskGreenMail;
import com.supportdesk.testing.HostileMail;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest} against GreenMail on loopback and against ports nothing listens on. */
class IngestCommandTest {

    static {
        MailSystemProperties.install();
    }

    static final String PASSWORD = "imap-Secret-42";

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = DeskGreenMail.extension(PASSWORD);

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(clock).env("SUPPORTDESK_IMAP_PASSWORD", PASSWORD);
    }

    private String url() {
        return "imap://desk@127.0.0.1:" + GREENMAIL.getImap().getPort() + "/INBOX";
    }

    private Cli.Result ingest(Cli using, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString(), "ingest"));
        all.addAll(List.of(args));
        return using.run(all.toArray(new String[0]));
    }

    private Cli.Result ingest(String... args) {
        return ingest(cli, args);
    }

    private static void deliver(String from, String subject, String id, String extra) throws Exception {
        String raw = "From: " + from + "\r\nTo: desk@localhost\r\nSubject: " + subject + "\r\nMessage-ID: " + id + "\r\n"
                + extra + "\r\nHello\r\n";
        GREENMAIL.getUserManager().getUser("desk").deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
    }

    private List<Ticket> tickets() {
        try (Store store = TestStores.open(dir, clock)) {
            List<Ticket> all = new ArrayList<>();
            store.tickets().forEach(AccessPolicy.NOBODY, "test", all::add);
            return all;
        }
    }

    private int count(String folder) throws Exception {
        try (jakarta.mail.Store s = Session.getInstance(new Properties()).getStore("imap")) {
            s.connect("127.0.0.1", GREENMAIL.getImap().getPort(), "desk", PASSWORD);
            Folder f = s.getFolder(folder);
            return f.exists() ? f.getMessageCount() : 0;
        }
    }

    @Test
    void onceFetchesAndPrintsTheSummaryLine() throws Exception {
        deliver("ann@acme.example", "Sev1 everything is down", "<c1@acme.example>", "");
        deliver("bob@acme.example", "Out of office", "<c2@acme.example>", "Auto-Submitted: auto-replied\r\n");

        Cli.Result r = ingest("--once", "--imap-url", url(), "--tls", "none");

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("fetched 2, new tickets 1, threaded 0, automated 1, quarantined 0, duplicates 0"
                + System.lineSeparator());
        assertThat(tickets()).singleElement().satisfies(t -> assertThat(t.severity().number()).isEqualTo(1));

        deliver("ann@acme.example", "Re: Sev1 everything is down", "<c3@acme.example>", "In-Reply-To: <c1@acme.example>\r\n");
        assertThat(ingest("--once", "--imap-url", url(), "--tls", "none").out())
                .startsWith("fetched 1, new tickets 0, threaded 1, automated 0, quarantined 0, duplicates 0");
        assertThat(ingest("--once", "--imap-url", url(), "--tls", "none").out())
                .startsWith("fetched 0, new tickets 0, threaded 0, automated 0, quarantined 0, duplicates 0");
    }

    @Test
    void afterImportMoveEmptiesTheInbox() throws Exception {
        deliver("ann@acme.example", "Move me", "<m1@acme.example>", "");
        Cli.Result r = ingest("--once", "--imap-url", url(), "--tls", "none", "--after-import", "move:Processed");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(count("INBOX")).isZero();
        assertThat(count("Processed")).isEqualTo(1);
    }

    @Test
    void connectionProblemsAreOnePlainSentenceAndExitOne() throws Exception {
        int port = GREENMAIL.getImap().getPort();
        Cli.Result wrong = ingest(new Cli(clock).env("SUPPORTDESK_IMAP_PASSWORD", "wrong"), "--once", "--imap-url", url(),
                "--tls", "none");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).isEqualTo("The mail server rejected the user name or password for desk@127.0.0.1."
                + System.lineSeparator());
        assertThat(wrong.out()).isEmpty();

        Cli.Result unknown = ingest("--once", "--imap-url", "imap://desk@no-such-host.invalid/INBOX", "--tls", "none");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("The mail server no-such-host.invalid could not be found; check the host name.");

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Cli.Result refused = ingest("--once", "--imap-url", "imap://desk@127.0.0.1:" + closed + "/INBOX", "--tls", "none");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("The mail server 127.0.0.1 refused the connection on port " + closed
                + "; check the host name, the port and that the server is running.");

        Cli.Result tls = ingest("--once", "--imap-url", url(), "--tls", "ssl");
        assertThat(tls.exit()).isEqualTo(1);
        assertThat(tls.err().strip()).isEqualTo("A secure (TLS) connection to 127.0.0.1:" + port
                + " could not be set up; check the TLS setting (none, STARTTLS or SSL) and the port.");
        Cli.Result starttls = ingest("--once", "--imap-url", url()); // STARTTLS by default; GreenMail offers none
        assertThat(starttls.exit()).isEqualTo(1);
        assertThat(starttls.err()).startsWith("A secure (TLS) connection");
        for (Cli.Result r : List.of(wrong, unknown, refused, tls, starttls)) {
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.err()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(ingest().err()).contains("--once").contains("--watch");
        assertThat(ingest().exit()).isEqualTo(2);
        assertThat(ingest("--once", "--watch").exit()).isEqualTo(2);
        Cli.Result after = ingest("--once", "--imap-url", url(), "--after-import", "delete");
        assertThat(after.exit()).isEqualTo(2);
        assertThat(after.err()).contains("--after-import must be 'seen' or 'move:FOLDER', not 'delete'");
        Cli.Result tls = ingest("--once", "--imap-url", url(), "--tls", "tls1.3");
        assertThat(tls.exit()).isEqualTo(2);
        assertThat(tls.err()).contains("unknown TLS mode 'tls1.3'");
        assertThat(ingest("--once", "--tls", "none").err()).contains("--tls goes with --imap-url");
        Cli.Result notUrl = ingest("--once", "--imap-url", "http://x");
        assertThat(notUrl.exit()).isEqualTo(2);
        assertThat(notUrl.err()).contains("not an IMAP URL");
        Cli.Result noPassword = ingest(new Cli(clock), "--once", "--imap-url", url(), "--tls", "none");
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err()).contains("SUPPORTDESK_IMAP_PASSWORD");
    }

    @Test
    void theSavedAccountIsUsedWithItsEncryptedPassword() throws Exception {
        Cli.Result none = ingest(new Cli(clock), "--once");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).startsWith("No IMAP account is set up");

        try (Store store = TestStores.open(dir, clock)) {
            MailSettingsService.of(store).save(TestStores.admin(store), MailSettings.NONE.withImap(new ImapSettings(
                    "127.0.0.1", GREENMAIL.getImap().getPort(), TlsMode.NONE, "desk", PASSWORD, "INBOX",
                    AfterImport.MOVE, "Done")));
        }
        deliver("ann@acme.example", "Saved account", "<s1@acme.example>", "");
        Cli.Result r = ingest(new Cli(clock), "--once");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("fetched 1, new tickets 1");
        assertThat(count("Done")).isEqualTo(1);

        deliver("ann@acme.example", "Env wins", "<s2@acme.example>", "");
        Cli.Result envWrong = ingest(new Cli(clock).env("SUPPORTDESK_IMAP_PASSWORD", "wrong"), "--once");
        assertThat(envWrong.exit()).isEqualTo(1);
        assertThat(envWrong.err()).contains("rejected the user name or password");
    }

    @Test
    void theGatewayStopsCleanlyOnASignalLikeCtrlC() throws Exception {
        deliver("ann@acme.example", "Before the signal", "<g1@acme.example>", "");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "com.supportdesk.app.Launcher", "--data-dir", dir.toString(), "ingest", "--watch", "--imap-url", url(),
                "--tls", "none").redirectErrorStream(true);
        pb.environment().put("SUPPORTDESK_IMAP_PASSWORD", PASSWORD);
        Process gateway = pb.start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(gateway.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 600 && !out.toString().contains(" fetched 1:"); i++) {
                Thread.sleep(50);
            }
            assertThat(out.toString()).contains(" fetched 1: new tickets 1");
            Thread.sleep(500);
            // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl+C (SIGINT). (Process.destroy() would also close
            // our end of its output, so the handle sends the signal.)
            gateway.toHandle().destroy();
            assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            gateway.destroyForcibly();
        }
        reader.join(5_000);
        assertThat(out.toString()).as("exit " + gateway.exitValue()).contains(" stopped");
        // the database was closed cleanly and holds the ticket
        assertThat(tickets()).extracting(Ticket::subject).containsExactly("Before the signal");
    }

    /** Issue 13: messages that stalled the old gateway for hours (or ended it) are taken in; the rest flows. */
    @Test
    void watchTakesInHostileMailAndTheRestFlows() throws Exception {
        for (byte[] raw : HostileMail.messages("desk@localhost")) {
            GREENMAIL.getUserManager().getUser("desk").deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw)));
        }
        AtomicReference<Cli.Result> result = new AtomicReference<>();
        Thread gateway = new Thread(() -> result.set(ingest("--watch", "--imap-url", url(), "--tls", "none")));
        gateway.start();
        try {
            for (int i = 0; i < 1200 && tickets().stream().noneMatch(t -> t.subject().equals(HostileMail.LAST)); i++) {
                Thread.sleep(50);
            }
        } finally {
            gateway.interrupt();
            gateway.join(20_000);
        }
        assertThat(gateway.isAlive()).isFalse();
        assertThat(result.get().exit()).as(result.get().out() + "\n" + result.get().err()).isZero();
        assertThat(tickets()).as(result.get().out()).hasSize(5);
        assertThat(tickets()).extracting(Ticket::subject).contains(HostileMail.LAST);
        assertThat(result.get().out()).doesNotContain("error");
    }

    @Test
    void watchRunsUntilInterrupted() throws Exception {
        deliver("ann@acme.example", "Watched", "<w1@acme.example>", "");
        AtomicReference<Cli.Result> result = new AtomicReference<>();
        Thread gateway = new Thread(() -> result.set(ingest("--watch", "--imap-url", url(), "--tls", "none")));
        gateway.start();
        for (int i = 0; i < 200 && (tickets().isEmpty()); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(1_000); // let it settle into IDLE: GreenMail announces only mail that arrives during IDLE
        deliver("ann@acme.example", "Watched too", "<w2@acme.example>", "");
        for (int i = 0; i < 300 && tickets().size() < 2; i++) {
            Thread.sleep(50);
        }
        gateway.interrupt();
        gateway.join(20_000);
        assertThat(gateway.isAlive()).isFalse();
        assertThat(result.get().exit()).as(result.get().out() + "\n" + result.get().err()).isZero();
        assertThat(tickets()).as(result.get().out()).hasSize(2);
        assertThat(result.get().out()).contains(" connected to desk@127.0.0.1, folder INBOX")
                .contains(" fetched 1: new tickets 1").contains(" stopped");
        assertThat(tickets()).extracting(Ticket::subject).containsExactly("Watched", "Watched too");
    }
}
