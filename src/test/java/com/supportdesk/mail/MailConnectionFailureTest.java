package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Each way of failing to reach a mail server gives one plain sentence, and the password is never shown. */
class MailConnectionFailureTest extends GreenMailTestBase {

    private MailConnectionException connect(ImapSettings settings) {
        return catchThrowableOfType(MailConnectionException.class,
                () -> ImapMailbox.open(settings, GreenMailSupport.FAST, spool).close());
    }

    private ImapSettings imapAt(String host, int port, TlsMode tls, String password) {
        return new ImapSettings(host, port, tls, GreenMailSupport.LOGIN, password, "INBOX", AfterImport.MARK_SEEN, null);
    }

    @Test
    void wrongPassword() {
        MailConnectionException e = connect(imapAt("127.0.0.1", GREENMAIL.getImap().getPort(), TlsMode.NONE, "wrong-pw"));
        assertThat(e.problem()).isEqualTo(MailProblem.AUTHENTICATION);
        assertThat(e).hasMessage("The mail server rejected the user name or password for desk@127.0.0.1.");
    }

    @Test
    void connectionRefused() throws Exception {
        int port = GreenMailSupport.closedPort();
        MailConnectionException e = connect(imapAt("127.0.0.1", port, TlsMode.NONE, "x"));
        assertThat(e.problem()).isEqualTo(MailProblem.CONNECTION_REFUSED);
        assertThat(e).hasMessage("The mail server 127.0.0.1 refused the connection on port " + port
                + "; check the host name, the port and that the server is running.");
    }

    @Test
    void unknownHost() {
        MailConnectionException e = connect(imapAt("no-such-host.invalid", 143, TlsMode.NONE, "x"));
        assertThat(e.problem()).isEqualTo(MailProblem.UNKNOWN_HOST);
        assertThat(e).hasMessage("The mail server no-such-host.invalid could not be found; check the host name.");
    }

    @Test
    void sslAgainstAPlainPort() {
        int port = GREENMAIL.getImap().getPort();
        MailConnectionException e = connect(imapAt("127.0.0.1", port, TlsMode.SSL, GreenMailSupport.PASSWORD));
        assertThat(e.problem()).isEqualTo(MailProblem.TLS);
        assertThat(e).hasMessage("A secure (TLS) connection to 127.0.0.1:" + port
                + " could not be set up; check the TLS setting (none, STARTTLS or SSL) and the port.");
    }

    @Test
    void starttlsRequiredButNotOffered() {
        MailConnectionException e = connect(imapAt("127.0.0.1", GREENMAIL.getImap().getPort(), TlsMode.STARTTLS,
                GreenMailSupport.PASSWORD));
        assertThat(e.problem()).isEqualTo(MailProblem.TLS);
    }

    @Test
    void serverThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception done) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            MailTimeouts quick = new MailTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(2));
            MailConnectionException e = catchThrowableOfType(MailConnectionException.class, () -> ImapMailbox.open(
                    imapAt("127.0.0.1", silent.getLocalPort(), TlsMode.NONE, "x"), quick, spool).close());
            assertThat(e.problem()).isEqualTo(MailProblem.TIMEOUT);
            assertThat(e).hasMessage("The mail server 127.0.0.1:" + silent.getLocalPort()
                    + " did not answer within 500 milliseconds.");
        }
    }

    @Test
    void missingFolder() {
        ImapSettings settings = GreenMailSupport.imap(GREENMAIL);
        ImapSettings noSuchFolder = new ImapSettings(settings.host(), settings.port(), settings.tls(), settings.user(),
                settings.password(), "Nope", AfterImport.MARK_SEEN, null);
        assertThat(connect(noSuchFolder)).hasMessage("The folder Nope does not exist for desk@127.0.0.1.");
    }

    @Test
    void passwordIsNeverLoggedNorInExceptions() {
        String password = "Correct-Horse-Battery-Staple-42";
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        ch.qos.logback.classic.Level previous = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.ALL);
        MailConnectionException imapFailure;
        MailSendException smtpFailure;
        try {
            ImapSettings settings = imapAt("127.0.0.1", GREENMAIL.getImap().getPort(), TlsMode.NONE, password);
            imapFailure = connect(settings);
            SmtpSettings smtp = new SmtpSettings("127.0.0.1", GREENMAIL.getSmtp().getPort(), TlsMode.NONE,
                    GreenMailSupport.LOGIN, password, GreenMailSupport.ADDRESS, "Desk");
            smtpFailure = catchThrowableOfType(MailSendException.class, () -> new SmtpSender(smtp, GreenMailSupport.FAST)
                    .send(new ReplyBuilder(smtp.from()).reply(new ReplyDraft("SD-1", "x", false,
                            List.of(MailAddress.of("ann@example.com")), List.of(), "hi", Optional.empty(),
                            List.of())).message()));
            assertThat(settings.toString()).doesNotContain(password).contains("password=****");
            assertThat(smtp.toString()).doesNotContain(password);
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
        }
        assertThat(imapFailure.problem()).isEqualTo(MailProblem.AUTHENTICATION);
        assertThat(smtpFailure.problem()).isEqualTo(MailProblem.AUTHENTICATION);
        // GreenMail, the fake server in this test, traces the protocol (with the password) at DEBUG: not our log
        List<ILoggingEvent> ours = appender.list.stream()
                .filter(event -> !event.getLoggerName().startsWith("com.icegreen")).toList();
        assertThat(ours).anyMatch(event -> event.getLoggerName().equals(ImapMailbox.class.getName()))
                .anyMatch(event -> event.getLoggerName().equals(SmtpSender.class.getName()));
        for (ILoggingEvent event : ours) {
            String logged = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(logged).doesNotContain(password);
        }
        assertThat(stackTrace(imapFailure)).doesNotContain(password);
        assertThat(stackTrace(smtpFailure)).doesNotContain(password);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
