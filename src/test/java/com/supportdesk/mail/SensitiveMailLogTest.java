package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.testing.TestStores;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A session that takes in, threads, answers, acknowledges and quarantines Official Sensitive mail leaves no
 * trace of its subject, body, addresses or attachment names in the log — at every level, DEBUG included.
 */
class SensitiveMailLogTest extends IntakeTestBase {

    static final String SUBJECT = "SUBJ-MARKER-7f3a";
    static final String BODY = "BODY-MARKER-91c2";
    static final String SENDER = "sender-marker-55d1@gov.example";
    static final String NAME = "NAME-MARKER-Gwen";
    static final String FILE = "FILE-MARKER-0b7e.pdf";
    static final List<String> MARKERS = List.of(SUBJECT, BODY, SENDER, NAME, FILE, "sender-marker-55d1");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.ALL);
        ((Logger) LoggerFactory.getLogger("com.supportdesk")).setLevel(Level.ALL);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(previous);
        ((Logger) LoggerFactory.getLogger("com.supportdesk")).setLevel(null);
    }

    @Test
    void noMarkerReachesTheLog() throws Exception {
        MailSettings[] settings = {MailSettings.NONE.withSmtp(GreenMailSupport.smtp(GREENMAIL)).withAcknowledge(true)};
        ReplyService replies = new ReplyService(store, () -> settings[0], clock);
        intake.onNewTicket(replies::acknowledge);
        Agent sam = TestStores.agent(store, admin, "sam", Clearance.CLEARED);

        deliver("""
                From: %s <%s>
                To: desk@localhost
                Subject: OFFICIAL-SENSITIVE %s
                Message-ID: <sens-1@gov.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XX"

                --XX
                Content-Type: text/plain

                %s
                --XX
                Content-Type: application/pdf; name="%s"
                Content-Disposition: attachment; filename="%s"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --XX--
                """.formatted(NAME, SENDER, SUBJECT, BODY, FILE, FILE));
        deliver(message(NAME + " <" + SENDER + ">", "OFFICIAL-SENSITIVE out of office " + SUBJECT, "<sens-auto@gov.example>",
                "Auto-Submitted: auto-replied\n", BODY));
        GreenMailSupport.deliver(GREENMAIL, RawMail.of("From: " + SENDER + "\nSubject: " + SUBJECT + "\n")
                .bytes(new byte[] {'X', ':', 0, '\r', '\n'}).text("\n" + BODY + "\n").build());

        // the run loop, as the desktop and the gateway use it
        List<IntakeService.Status> statuses = new CopyOnWriteArrayList<>();
        IntakeService service = new IntakeService(intake, this::imap, s -> ImapMailbox.open(s, GreenMailSupport.FAST, spool),
                IntakeService.Options.defaults(), d -> { }, clock, statuses::add);
        service.start();
        for (int i = 0; i < 200 && tickets().isEmpty(); i++) {
            Thread.sleep(50);
        }
        Ticket t = tickets().get(0);
        assertThat(t.sensitive()).isTrue();
        for (int i = 0; i < 200 && service.status().total().fetched() < 3; i++) {
            Thread.sleep(50);
        }
        Thread.sleep(1_000); // into IDLE: GreenMail announces only mail that arrives during IDLE
        deliver(message(NAME + " <" + SENDER + ">", "Re: " + SUBJECT + " [" + t.ref() + "]", "<sens-2@gov.example>", "",
                BODY + " again"));
        for (int i = 0; i < 400 && service.status().total().fetched() < 4; i++) {
            Thread.sleep(50);
        }
        assertThat(service.status().total().summary())
                .isEqualTo("fetched 4, new tickets 1, threaded 1, automated 1, quarantined 1, duplicates 0");
        assertThat(service.stopAndWait(Duration.ofSeconds(10))).isTrue();

        replies.send(sam, t.id(), ticket(t.id()).version(), "Reply about " + SUBJECT + " " + BODY);
        settings[0] = settings[0].withSmtp(new SmtpSettings("127.0.0.1", GreenMailSupport.closedPort(), TlsMode.NONE,
                null, null, GreenMailSupport.ADDRESS, ""));
        assertThatThrownBy(() -> replies.send(sam, t.id(), null, new ReplyService.ReplyRequest(SENDER, SUBJECT, BODY)))
                .as("a reply to a closed SMTP port fails, and its failure is logged too")
                .isInstanceOf(ReplyService.ReplyException.class).hasMessageStartingWith("The reply was not sent");
        QuarantineService quarantine = new QuarantineService(store, intake);
        long unreadable = quarantine.list(admin, QuarantineCategory.UNREADABLE, false).get(0).id();
        quarantine.retry(admin, unreadable);
        quarantine.makeTicket(admin, unreadable);
        quarantine.makeTicket(admin, quarantine.list(admin, QuarantineCategory.AUTOMATED, false).get(0).id());

        List<ILoggingEvent> ours = appender.list.stream()
                .filter(e -> !e.getLoggerName().startsWith("com.icegreen")).toList();
        assertThat(ours).as("the session did log").hasSizeGreaterThan(10);
        for (ILoggingEvent event : ours) {
            String logged = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String marker : MARKERS) {
                assertThat(logged).as("log line of %s", event.getLoggerName()).doesNotContainIgnoringCase(marker);
            }
        }
        for (IntakeService.Status s : statuses) {
            for (String marker : MARKERS) {
                assertThat(s.text()).doesNotContainIgnoringCase(marker);
            }
        }
    }
}
