package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.supportdesk.domain.Ticket;
import com.supportdesk.mail.MailAuth;
import com.supportdesk.mail.MailSettings;
import com.supportdesk.mail.MailSettingsService;
import com.supportdesk.mail.MailSystemProperties;
import com.supportdesk.mail.oauth.OAuthClient;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.Store;
import com.supportdesk.testing.ChildCli;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.DeskGreenMail;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestAuthorizationServer;
import com.supportdesk.testing.TestStores;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code mail sign-in} and {@code ingest} with OAuth 2.0, headless as on a gateway server: the real command line in its
 * own JVM where it matters (output as it comes, standard input, {@code ps}, the log file), against the loopback
 * authorization server and GreenMail checking XOAUTH2 tokens.
 */
class MailSignInCommandTest {

    static {
        MailSystemProperties.install();
    }

    static final String IMAP_PASSWORD = "imap-Secret-42";
    static final String ADMIN_PASSWORD = "admin-Pw-7-long";

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = DeskGreenMail.extension(IMAP_PASSWORD);

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    TestAuthorizationServer server;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        server = TestAuthorizationServer.start("desk-app", "desk@localhost")
                .onAccessToken(token -> GREENMAIL.getUserManager().getUser("desk").setPassword(token));
        cli = new Cli(clock).env("SUPPORTDESK_NEW_PASSWORD", ADMIN_PASSWORD).env("SUPPORTDESK_PASSWORD", ADMIN_PASSWORD);
        assertThat(run("agent", "add", "--username", "root", "--name", "Root Admin").exit()).isZero();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(new String[0]));
    }

    /** {@code mail sign-in} for the GreenMail mailbox with the loopback server, plus {@code extra}. */
    private List<String> signInArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.toString(), "mail", "sign-in",
                "--imap-url", "imap://desk@127.0.0.1:" + GREENMAIL.getImap().getPort() + "/INBOX", "--tls", "none",
                "--smtp-url", "smtp://desk@127.0.0.1:" + GREENMAIL.getSmtp().getPort(), "--smtp-tls", "none",
                "--from", "desk@localhost", "--provider", "custom", "--client-id", "desk-app",
                "--authorize-url", server.authorizeUrl(), "--token-url", server.tokenUrl(), "--device-url", server.deviceUrl(),
                "--scope", "imap", "--scope", "smtp", "--scope", "offline_access", "--user", "root"));
        args.addAll(List.of(extra));
        return args;
    }

    /** {@code mail sign-in} in this JVM. */
    private Cli.Result signInHere(String... extra) {
        List<String> args = signInArgs(extra);
        return cli.run(args.toArray(new String[0]));
    }

    private ChildCli child(List<String> args) throws Exception {
        return ChildCli.start(Map.of("SUPPORTDESK_PASSWORD", ADMIN_PASSWORD), args.toArray(new String[0]));
    }

    private static void deliver(String subject, String id) throws Exception {
        String raw = "From: ann@acme.example\r\nTo: desk@localhost\r\nSubject: " + subject + "\r\nMessage-ID: " + id
                + "\r\n\r\nHello\r\n";
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

    private MailSettings saved() {
        try (Store store = TestStores.open(dir, clock)) {
            return MailSettingsService.of(store).load();
        }
    }

    @Test
    void deviceFlowEndToEndThenIngestUsesTheSavedSignIn() throws Exception {
        try (ChildCli signIn = child(signInArgs("--device"))) {
            String prompt = signIn.awaitLine(l -> l.startsWith("To sign in, open "), Duration.ofSeconds(60));
            Matcher m = Pattern.compile("open (\\S+) and enter the code (\\S+) \\(valid until \\d\\d:\\d\\d\\)\\.").matcher(prompt);
            assertThat(m.find()).as(prompt).isTrue();
            assertThat(m.group(1)).isEqualTo(server.deviceUrl().replace("/device", "/verify"));
            signIn.awaitLine(l -> l.equals("Waiting for the sign-in\u2026"), Duration.ofSeconds(10));
            // the person opens the page on their phone and enters the code
            TestAuthorizationServer.followInBrowser(URI.create(m.group(1) + "?user_code=" + m.group(2)));
            assertThat(signIn.awaitExit(Duration.ofSeconds(60))).as(signIn.output()).isZero();
            assertThat(signIn.output()).contains("Signed in as desk@localhost (Other OAuth 2.0 server).")
                    .contains("Saved: desk@127.0.0.1 (folder INBOX) and replies through desk@127.0.0.1 sign in with it;");
            assertNoToken(signIn.output());
        }
        MailSettings s = saved();
        assertThat(s.imap().auth()).isEqualTo(MailAuth.OAUTH);
        assertThat(s.smtp().auth()).isEqualTo(MailAuth.OAUTH);
        assertThat(s.oauth().refreshToken()).isEqualTo(server.issuedRefreshTokens().get(0));

        deliver("Through the gateway", "<g1@acme.example>");
        Cli.Result once = run("ingest", "--once");
        assertThat(once.exit()).as(once.err()).isZero();
        assertThat(once.out()).startsWith("fetched 1, new tickets 1");
    }

    @Test
    void codeFlowWithPkceTheBrowserComesBackToTheLoopbackListener() throws Exception {
        try (ChildCli signIn = child(signInArgs())) {
            String url = signIn.awaitLine(l -> l.startsWith("  " + server.authorizeUrl()), Duration.ofSeconds(60)).strip();
            assertThat(url).contains("code_challenge_method=S256").contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
            assertThat(TestAuthorizationServer.followInBrowser(URI.create(url))).isEqualTo(200);
            assertThat(signIn.awaitExit(Duration.ofSeconds(60))).as(signIn.output()).isZero();
            assertThat(signIn.output()).contains("Signed in as desk@localhost");
        }
        assertThat(server.grantTypes()).containsExactly("authorization_code");
        assertThat(saved().oauth().account()).isEqualTo("desk@localhost");
    }

    @Test
    void codeFlowWithTheAddressPastedFromABrowserElsewhere() throws Exception {
        try (ChildCli signIn = child(signInArgs())) {
            String url = signIn.awaitLine(l -> l.startsWith("  " + server.authorizeUrl()), Duration.ofSeconds(60)).strip();
            signIn.awaitLine(l -> l.contains("paste it here and press Enter"), Duration.ofSeconds(10));
            URI endedOn = TestAuthorizationServer.redirectTarget(URI.create(url)); // that page does not load elsewhere
            signIn.type("   ");
            signIn.type(endedOn.toString());
            assertThat(signIn.awaitExit(Duration.ofSeconds(60))).as(signIn.output()).isZero();
            assertThat(signIn.output()).contains("Signed in as desk@localhost").doesNotContain(endedOn.getRawQuery());
        }
        assertThat(saved().oauth()).isNotNull();
    }

    @Test
    void googleIsRefusedTheDeviceFlowWithTheReason() {
        Cli.Result r = new Cli(clock).env("SUPPORTDESK_PASSWORD", ADMIN_PASSWORD).env("GOOGLE_SECRET", "g-secret")
                .run("--data-dir", dir.toString(), "mail", "sign-in", "--imap-url", "imaps://desk%40example.com@imap.gmail.com/INBOX",
                        "--provider", "google", "--client-id", "gid.apps.googleusercontent.com", "--client-secret-env",
                        "GOOGLE_SECRET", "--device", "--user", "root");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(OAuthClient.GOOGLE_NO_DEVICE_FLOW);
        assertThat(r.err()).doesNotContain("g-secret");
        Cli.Result noSecret = run("mail", "sign-in", "--imap-url", "imaps://desk@imap.gmail.com/INBOX", "--provider",
                "google", "--client-id", "gid", "--client-secret-env", "NOT_SET", "--user", "root");
        assertThat(noSecret.exit()).isEqualTo(2);
        assertThat(noSecret.err()).contains("The environment variable NOT_SET named by --client-secret-env is not set.");
    }

    @Test
    void aMailServerThatRejectsTheTokenSavesNothing() {
        server.autoApproveDevice(true).onAccessToken(token -> { });
        Cli.Result r = signInHere("--device");
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("The mail server rejected the OAuth access token for desk@127.0.0.1; check"
                + " that the mailbox allows IMAP/SMTP with OAuth and that the account that signed in may use it. Nothing"
                + " was saved.");
        assertThat(saved().oauth()).isNull();
        assertThat(saved().imap()).isNull();
    }

    @Test
    void ingestOnceWithARevokedSignInExitsOneAndImportsNothing() throws Exception {
        server.autoApproveDevice(true);
        assertThat(signInHere("--device").exit()).isZero();
        server.revokeAll();
        deliver("While revoked", "<rv1@acme.example>");
        Cli.Result r = run("ingest", "--once");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("The mail sign-in for desk@localhost has expired or was revoked; an admin signs in"
                + " again under Admin \u2192 Mail settings (or with 'support-desk mail sign-in')." + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(tickets()).isEmpty();
    }

    @Test
    void noTokenOrSecretInAnyLogLineAtAnyLevel() throws Exception {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.ALL);
        ((Logger) LoggerFactory.getLogger("com.supportdesk")).setLevel(Level.ALL);
        try {
            server.autoApproveDevice(true).rotateRefreshTokens(true).accessTokenLifetime(Duration.ofSeconds(1));
            assertThat(signInHere("--device").exit()).isZero();
            deliver("Logged", "<lg1@acme.example>");
            assertThat(run("ingest", "--once").exit()).isZero();
            Thread.sleep(1_100);
            assertThat(run("ingest", "--once").exit()).isZero(); // a refresh, with rotation
            server.revokeAll();
            Thread.sleep(1_100);
            assertThat(run("ingest", "--once").exit()).isEqualTo(1);
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
            ((Logger) LoggerFactory.getLogger("com.supportdesk")).setLevel(null);
        }
        assertThat(server.refreshCount()).isGreaterThanOrEqualTo(2);
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : appender.list) {
            all.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                all.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        assertThat(all).contains("access token renewed");
        assertNoToken(all.toString());
    }

    /**
     * The gateway: access tokens expire every 3 s while mail keeps arriving; every message is imported once, the
     * renewals are in the log file; then the grant is revoked: the gateway says so and keeps retrying, and the message
     * that arrives meanwhile waits on the server until someone signs in again. The refresh tokens are in no log,
     * export, backup or command line.
     */
    @Test
    void gatewayRenewsExpiringTokensWhileMailArrivesAndSaysSoWhenTheSignInIsRevoked() throws Exception {
        server.autoApproveDevice(true).rotateRefreshTokens(true).accessTokenLifetime(Duration.ofSeconds(3));
        assertThat(signInHere("--device").exit()).isZero();
        int messages = 10;
        try (ChildCli gateway = child(List.of("--data-dir", dir.toString(), "ingest", "--watch"))) {
            gateway.awaitLine(l -> l.contains(" connected to desk@127.0.0.1, folder INBOX"), Duration.ofSeconds(60));
            for (int i = 1; i <= messages; i++) {
                deliver("Arriving " + i, "<a" + i + "@acme.example>");
                Thread.sleep(700);
            }
            awaitFetched(gateway, messages, Duration.ofSeconds(60));
            assertThat(gateway.commandLine()).contains("ingest --watch");
            assertNoToken(gateway.commandLine());

            server.revokeAll();
            gateway.awaitLine(l -> l.endsWith(" sign-in expired: sign in again (Admin \u2192 Mail settings, or"
                    + " 'support-desk mail sign-in')"), Duration.ofSeconds(30));
            gateway.awaitLine(l -> l.matches(".* trying again in \\d+ s"), Duration.ofSeconds(10));
            deliver("While revoked", "<a-revoked@acme.example>");
            Thread.sleep(2_500);
            gateway.terminate();
            gateway.awaitExit(Duration.ofSeconds(30));
            assertThat(gateway.output()).contains(" stopped");
            assertNoToken(gateway.output());
        }
        List<Ticket> imported = tickets();
        assertThat(imported).extracting(Ticket::subject).hasSize(messages).doesNotContain("While revoked")
                .doesNotHaveDuplicates();

        Path log = dir.resolve("logs").resolve("support-desk.log");
        String logText = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(Pattern.compile("Mail sign-in for desk@localhost \\(Other OAuth 2.0 server\\): access token renewed")
                .matcher(logText).results().count()).as(logText).isGreaterThanOrEqualTo(3);
        assertThat(logText).contains("the server issued a new refresh token; it replaced the saved one")
                .contains("has expired or was revoked");
        assertNoToken(logText);

        // an admin signs in again: the waiting message comes in, nothing was lost
        server.revokeAll();
        assertThat(signInHere("--device").exit()).isZero();
        assertThat(run("ingest", "--once").out()).startsWith("fetched 1, new tickets 1");

        Cli.Result export = run("export", "--format", "json", "--user", "root");
        assertThat(export.exit()).isZero();
        assertNoToken(export.out());
        Path backup = dir.resolve("copy.zip");
        assertThat(run("backup", "--to", backup.toString()).exit()).isZero();
        String plain = plainTextOf(backup);
        assertThat(plain).as("the backup is readable as text: the settings' plain values are in it").contains("desk-app");
        assertNoToken(plain);
    }

    private static void awaitFetched(ChildCli gateway, int expected, Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (fetched(gateway.output()) < expected && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(fetched(gateway.output())).as(gateway.output()).isEqualTo(expected);
    }

    private static int fetched(String output) {
        return Pattern.compile(" fetched (\\d+): ").matcher(output).results().mapToInt(r -> Integer.parseInt(r.group(1))).sum();
    }

    /** Every entry of the zip, inflated, as ISO-8859-1 text (bytes kept one to one). */
    private static String plainTextOf(Path zip) throws Exception {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                text.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return text.toString();
    }

    /** No refresh token, access token or client secret the server issued appears in {@code text}. */
    private void assertNoToken(String text) {
        Stream.concat(server.issuedRefreshTokens().stream(), server.issuedAccessTokens().stream())
                .forEach(token -> assertThat(text).doesNotContain(token));
        assertThat(server.issuedRefreshTokens()).isNotEmpty();
    }
}
