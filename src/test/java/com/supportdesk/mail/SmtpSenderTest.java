package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replies go out over SMTP with their threading headers; failures say why in one sentence. */
class SmtpSenderTest extends GreenMailTestBase {

    private final MailAddress customer = new MailAddress("desk@localhost", "Ann Customer");

    private ReplyDraft draft() {
        return new ReplyDraft("SD-1042", "AW: [SD-1042] Printer on fire", true, List.of(customer), List.of(),
                "We are on our way.\nSupport", Optional.of("<cust-2@example.com>"), List.of("<cust-1@example.com>"));
    }

    @Test
    void sentReplyArrivesWithItsThreadingHeaders() throws Exception {
        SmtpSettings smtp = GreenMailSupport.smtp(GREENMAIL);
        OutboundMail reply = new ReplyBuilder(smtp.from()).reply(draft());
        new SmtpSender(smtp, GreenMailSupport.FAST).send(reply.message());

        assertThat(GREENMAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = GREENMAIL.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(reply.messageId());
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<cust-2@example.com>");
        assertThat(received.getHeader("References", null)).isEqualTo("<cust-1@example.com> <cust-2@example.com>");
        assertThat(received.getSubject()).isEqualTo("Re: OFFICIAL-SENSITIVE: Printer on fire [SD-1042]");
        assertThat(received.getHeader("X-SupportDesk-Ticket", null)).isEqualTo("SD-1042");
        assertThat(received.getHeader("X-Loop", null)).isEqualTo(GreenMailSupport.ADDRESS);
        assertThat(received.getHeader("Auto-Submitted")).isNull();

        // read back through our own parser: threaded by tag, and recognised as our own mail (loop)
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        received.writeTo(raw);
        ParsedMail parsed = new MailParser().parse(raw.toByteArray());
        assertThat(parsed.ticketRef()).contains("SD-1042");
        assertThat(parsed.officialSensitive()).isTrue();
        assertThat(parsed.messageId()).isEqualTo(reply.messageId());
        assertThat(parsed.automated()).isEqualTo(AutomatedKind.LOOP);
        assertThat(parsed.textBody()).isEqualTo("We are on our way.\nSupport");
        assertThat(parsed.from()).contains(new MailAddress(GreenMailSupport.ADDRESS, "Support Desk"));
    }

    @Test
    void acknowledgementIsMarkedAutomatic() throws Exception {
        SmtpSettings smtp = GreenMailSupport.smtp(GREENMAIL);
        OutboundMail ack = new ReplyBuilder(smtp.from()).acknowledgement(draft());
        new SmtpSender(smtp, GreenMailSupport.FAST).send(ack.message());

        assertThat(GREENMAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = GREENMAIL.getReceivedMessages()[0];
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(received.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(received.getMessageID()).isEqualTo(ack.messageId());
    }

    @Test
    void sendingWithoutLoginWorksWhenTheServerAllowsIt() throws Exception {
        SmtpSettings anonymous = new SmtpSettings("127.0.0.1", GREENMAIL.getSmtp().getPort(), TlsMode.NONE, null, null,
                GreenMailSupport.ADDRESS, "");
        new SmtpSender(anonymous, GreenMailSupport.FAST).send(new ReplyBuilder(anonymous.from()).reply(draft()).message());
        assertThat(GREENMAIL.waitForIncomingEmail(10_000, 1)).isTrue();
    }

    @Test
    void failuresSayWhy() throws Exception {
        SmtpSettings good = GreenMailSupport.smtp(GREENMAIL);
        MimeMessage message = new ReplyBuilder(good.from()).reply(draft()).message();

        SmtpSettings wrongPassword = new SmtpSettings(good.host(), good.port(), TlsMode.NONE, good.user(), "nope",
                good.fromAddress(), good.fromName());
        MailSendException auth = catchThrowableOfType(MailSendException.class,
                () -> new SmtpSender(wrongPassword, GreenMailSupport.FAST).send(message));
        assertThat(auth.problem()).isEqualTo(MailProblem.AUTHENTICATION);
        assertThat(auth).hasMessage("The mail server rejected the user name or password for desk@127.0.0.1.");

        int closed = GreenMailSupport.closedPort();
        SmtpSettings refused = new SmtpSettings("127.0.0.1", closed, TlsMode.NONE, null, null, good.fromAddress(), "");
        MailSendException refusal = catchThrowableOfType(MailSendException.class,
                () -> new SmtpSender(refused, GreenMailSupport.FAST).send(message));
        assertThat(refusal.problem()).isEqualTo(MailProblem.CONNECTION_REFUSED);

        SmtpSettings unknown = new SmtpSettings("no-such-host.invalid", 25, TlsMode.NONE, null, null,
                good.fromAddress(), "");
        MailSendException noHost = catchThrowableOfType(MailSendException.class,
                () -> new SmtpSender(unknown, GreenMailSupport.FAST).send(message));
        assertThat(noHost.problem()).isEqualTo(MailProblem.UNKNOWN_HOST);
        assertThat(noHost).hasMessage("The mail server no-such-host.invalid could not be found; check the host name.");

        SmtpSettings ssl = new SmtpSettings(good.host(), good.port(), TlsMode.SSL, good.user(), good.password(),
                good.fromAddress(), "");
        assertThat(catchThrowableOfType(MailSendException.class,
                () -> new SmtpSender(ssl, GreenMailSupport.FAST).send(message)).problem()).isEqualTo(MailProblem.TLS);

        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }
}
