package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Auto-replies, bounces, lists and loops, built in code. */
class AutomatedMailTest {

    static {
        MailSystemProperties.install();
    }

    private final MailParser parser = new MailParser();

    private ParsedMail parse(String raw) throws MailParseException {
        return parser.parse(RawMail.of(raw).build());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Auto-Submitted: auto-replied                 | AUTO_REPLY",
            "Auto-Submitted: auto-generated (nightly job) | AUTO_REPLY",
            "Auto-Submitted: no                           | NONE",
            "Auto-Submitted: No ; comment                 | NONE",
            "X-Autoreply: yes                             | AUTO_REPLY",
            "X-Autorespond: Out of office                 | AUTO_REPLY",
            "X-Auto-Response-Suppress: All                | AUTO_REPLY",
            "Precedence: bulk                             | BULK",
            "Precedence: junk                             | BULK",
            "Precedence: list                             | LIST",
            "List-Id: Printers <printers.lists.example.com> | LIST",
            "List-Unsubscribe: <mailto:leave@example.com> | LIST",
            "Return-Path: <>                              | AUTO_REPLY",
            "X-SupportDesk-Ticket: SD-5                   | LOOP",
            "X-Mailer: Outlook                            | NONE",
    })
    void headersMarkAutomatedMail(String header, AutomatedKind expected) throws Exception {
        ParsedMail mail = parse("From: someone@example.com\n" + header + "\nSubject: Hello\n\nbody\n");
        assertThat(mail.automated()).isEqualTo(expected);
        assertThat(mail.isAutomated()).isEqualTo(expected != AutomatedKind.NONE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "Automatic reply: Re: [SD-5] Printer | AUTO_REPLY",
            "Out of Office: Printer              | AUTO_REPLY",
            "Re: Abwesenheitsnotiz: Drucker      | AUTO_REPLY",
            "Re: [SD-5] Printer                  | NONE",
    })
    void outOfOfficeSubjects(String subject, AutomatedKind expected) throws Exception {
        assertThat(parse("From: a@example.com\nSubject: " + subject + "\n\nI am away.\n").automated())
                .isEqualTo(expected);
    }

    @Test
    void deliveryStatusReportIsABounceOfTheReturnedMessage() throws Exception {
        ParsedMail mail = parse("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
                To: desk@support.example
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-1@mx.example.com>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="rep"

                --rep
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.
                --rep
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; gone@example.com
                Action: failed
                Status: 5.1.1
                --rep
                Content-Type: text/rfc822-headers

                From: Support <desk@support.example>
                To: gone@example.com
                Subject: Re: Printer [SD-5]
                Message-ID: <5f0c@support.example>
                References: <customer-1@example.com>
                --rep--
                """);
        assertThat(mail.automated()).isEqualTo(AutomatedKind.BOUNCE);
        assertThat(mail.bouncedMessageId()).contains("<5f0c@support.example>");
        assertThat(mail.textBody()).startsWith("I'm sorry");
        assertThat(mail.attachments()).extracting(MailAttachment::contentType)
                .containsExactly("message/delivery-status", "text/rfc822-headers");
    }

    @Test
    void bounceWithTheWholeReturnedMessage() throws Exception {
        ParsedMail mail = parse("""
                From: postmaster@example.org
                Subject: Delivery has failed
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain

                Delivery failed.
                --m
                Content-Type: message/rfc822

                From: desk@support.example
                Subject: Re: x [SD-9]
                In-Reply-To: <cust@example.com>

                original text
                --m--
                """);
        assertThat(mail.automated()).isEqualTo(AutomatedKind.BOUNCE);
        // no Message-ID in the returned message: its In-Reply-To still finds the conversation
        assertThat(mail.bouncedMessageId()).contains("<cust@example.com>");
    }

    @Test
    void plainTextBounceQuotingTheMessageId() throws Exception {
        ParsedMail mail = parse("""
                From: MAILER-DAEMON@qmail.example.net
                Subject: failure notice
                Return-Path: <>

                Hi. This is the qmail-send program at qmail.example.net.
                <gone@example.net>:
                Sorry, no mailbox here by that name.

                --- Below this line is a copy of the message.

                > Message-Id: <  quoted-1@support.example >
                > Subject: Re: x
                """);
        assertThat(mail.automated()).isEqualTo(AutomatedKind.BOUNCE);
        assertThat(mail.bouncedMessageId()).contains("<quoted-1@support.example>");
    }

    @Test
    void nullReturnPathWithBounceSubjectIsABounce() throws Exception {
        ParsedMail mail = parse("From: Exchange <admin@example.com>\nReturn-Path: <>\n"
                + "Subject: Undeliverable: Re: x\n\nReferences: <a@x> <b@x>\n");
        assertThat(mail.automated()).isEqualTo(AutomatedKind.BOUNCE);
        assertThat(mail.bouncedMessageId()).contains("<b@x>");
    }

    @Test
    void readReceiptIsAnAutoReplyAndOnlyBouncesNameABouncedMessage() throws Exception {
        ParsedMail mail = parse("""
                From: ann@example.com
                Subject: Read: Printer
                Content-Type: multipart/report; report-type=disposition-notification; boundary=r

                --r
                Content-Type: text/plain

                Your message was read.
                Message-ID: <x@y>
                --r--
                """);
        assertThat(mail.automated()).isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(mail.bouncedMessageId()).isEmpty();
    }
}
