package com.supportdesk.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/** GreenMail on loopback with dynamic ports, one desk account, and helpers to deliver raw messages. */
final class GreenMailSupport {

    static final String LOGIN = "desk";
    static final String ADDRESS = "desk@localhost";
    static final String PASSWORD = "Tr0ub4dor-s3cret";
    static final MailTimeouts FAST = new MailTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));

    private GreenMailSupport() {
    }

    static GreenMailExtension extension() {
        ServerSetup[] setups = ServerSetup.dynamicPort(
                ServerSetup.createCopy(ServerSetupTest.SMTP_IMAP, setup -> setup.createCopy("127.0.0.1")));
        return new GreenMailExtension(setups)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(ADDRESS, LOGIN, PASSWORD))
                .withPerMethodLifecycle(true);
    }

    static ImapSettings imap(GreenMailExtension greenMail) {
        return new ImapSettings("127.0.0.1", greenMail.getImap().getPort(), TlsMode.NONE, LOGIN, PASSWORD, "INBOX",
                AfterImport.MARK_SEEN, null);
    }

    static SmtpSettings smtp(GreenMailExtension greenMail) {
        return new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE, LOGIN, PASSWORD,
                ADDRESS, "Support Desk");
    }

    /** Puts a raw message into the desk's INBOX. */
    static void deliver(GreenMailExtension greenMail, byte[] raw) throws MessagingException {
        GreenMailUser user = greenMail.getUserManager().getUser(LOGIN);
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    static byte[] simpleMessage(String subject) {
        return RawMail.of("From: Ann <ann@example.com>\nTo: " + ADDRESS + "\nSubject: " + subject
                + "\nMessage-ID: <" + subject.replaceAll("\\W", "") + "@example.com>\n\nBody of " + subject + "\n")
                .build();
    }

    /** Which files GreenMail stored, in delivery (so UID) order, and which it refused. */
    record Delivery(List<Path> delivered, List<String> refused,
                    List<Path> refusedFiles) {
    }

    /** Delivers every file; GreenMail may refuse a message it cannot parse (its warnings are muted meanwhile). */
    static Delivery deliverAll(GreenMailExtension greenMail, List<Path> files) {
        List<Path> delivered = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<Path> refusedFiles = new ArrayList<>();
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.icegreen");
        ch.qos.logback.classic.Level level = log.getLevel();
        log.setLevel(ch.qos.logback.classic.Level.ERROR); // it warns about every MIME subtype it does not know
        try {
            for (Path file : files) {
                try {
                    deliver(greenMail, Files.readAllBytes(file));
                    delivered.add(file);
                } catch (Exception e) {
                    refused.add(file.getFileName() + ": " + e);
                    refusedFiles.add(file);
                }
            }
        } finally {
            log.setLevel(level);
        }
        return new Delivery(delivered, refused, refusedFiles);
    }

    /** A loopback port nothing listens on (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
