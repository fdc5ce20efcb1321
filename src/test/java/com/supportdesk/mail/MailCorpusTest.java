package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every corpus message parses to a ParsedMail or fails with MailParseException, and nothing else escapes. */
class MailCorpusTest {

    static {
        MailSystemProperties.install();
    }

    private static final Logger LOG = LoggerFactory.getLogger(MailCorpusTest.class);
    private static final AtomicInteger PARSED = new AtomicInteger();
    private static final AtomicInteger REJECTED = new AtomicInteger();

    private final MailParser parser = new MailParser();

    @TestFactory
    Stream<DynamicTest> everyCorpusMessageParsesOrIsRejectedInPlainLanguage() {
        Path folder = MailCorpus.folder();
        List<Path> messages = MailCorpus.messages();
        assertThat(messages).isNotEmpty();
        return messages.stream().map(file -> dynamicTest(folder.relativize(file).toString(), () -> check(file)));
    }

    private void check(Path file) throws Exception {
        ParsedMail mail;
        try {
            mail = parser.parse(file);
        } catch (MailParseException rejected) {
            REJECTED.incrementAndGet();
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        } catch (Throwable other) {
            fail("only MailParseException may escape, got " + other, other);
            return;
        }
        PARSED.incrementAndGet();
        assertThat(mail.messageId()).matches("<[^<>\\s]+>");
        assertThat(mail.subject()).isNotBlank();
        assertThat(mail.normalizedSubject()).isNotBlank();
        assertThat(mail.textBody()).isNotNull().doesNotContain("\r", "\u0000");
        if (mail.automated() != AutomatedKind.BOUNCE) {
            assertThat(mail.bouncedMessageId()).isEmpty();
        }
        for (MailAttachment attachment : mail.attachments()) {
            assertThat(attachment.fileName()).isNotBlank().doesNotContain("/", "\\");
            try (InputStream in = attachment.open()) {
                assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(attachment.size());
            }
        }
    }

    @AfterAll
    static void summary() {
        if (PARSED.get() + REJECTED.get() > 0) {
            LOG.info("Mail corpus: {} parsed, {} rejected with MailParseException", PARSED.get(), REJECTED.get());
        }
    }

    @Test
    void headerlessCorpusMessagesBecomeTicketable() throws Exception {
        for (String name : List.of("james-mime4j/testmsgs/malformedHeader-noheader.msg",
                "james-mime4j/testmsgs/malformedHeaderStartsBody-noheader.msg")) {
            ParsedMail mail = parser.parse(MailCorpus.file(name));
            assertThat(mail.subject()).isEqualTo(ParsedMail.NO_SUBJECT);
            assertThat(mail.textBody()).startsWith("This is a simple message not having headers.");
        }
    }

    @Test
    void obsoleteSyntaxAndBadHeaderSeparators() throws Exception {
        ParsedMail obsolete = parser.parse(MailCorpus.file("james-mime4j/testmsgs/obsolete.msg"));
        assertThat(obsolete.subject()).startsWith("The obsolete syntax allow spaces before the colon");
        assertThat(obsolete.textBody()).isEqualTo("body");

        ParsedMail badSeparator = parser.parse(
                MailCorpus.file("james-mime4j/testmsgs/basic-plain-with-bad-header-separator.msg"));
        assertThat(badSeparator.subject()).isEqualTo("Simple Subject");
        assertThat(badSeparator.textBody()).startsWith("This is a very simple message");

        ParsedMail folded = parser.parse(MailCorpus.file("mikel-mail/emails/rfc2822/example14.eml"));
        assertThat(folded.subject()).isEqualTo("Re: TEST テストテスト");
        assertThat(folded.messageId()).isEqualTo("<0CC5E11ED2C1D@example.com>");
    }

    @Test
    void bouncesInTheCorpusNameTheBouncedMessage() throws Exception {
        ParsedMail ses = parser.parse(MailCorpus.file("nodemailer-mailparser/delivery-status.eml"));
        assertThat(ses.automated()).isEqualTo(AutomatedKind.BOUNCE);
        assertThat(ses.bouncedMessageId()).contains("<xxxxx@email.amazonses.com>");

        for (String name : List.of("multi_address_bounce1.eml", "multi_address_bounce2.eml",
                "multipart_report_multiple_status.eml", "report_422.eml", "report_530.eml")) {
            ParsedMail mail = parser.parse(MailCorpus.file("mikel-mail/emails/multipart_report_emails/" + name));
            assertThat(mail.automated()).as(name).isEqualTo(AutomatedKind.BOUNCE);
            assertThat(mail.bouncedMessageId()).as(name).isPresent();
        }
    }

    @Test
    void pathologicalHtmlAndLargeTextAreHandled() throws Exception {
        ParsedMail junk = parser.parse(MailCorpus.file("nodemailer-mailparser/outofmemory.eml"));
        assertThat(junk.textBody()).contains("$1 million in Life Insurance Coverage");
        assertThat(parser.parse(MailCorpus.file("nodemailer-mailparser/htmllargecallstack.eml")).subject())
                .isEqualTo("Kill the HTML parser");
        ParsedMail large = parser.parse(MailCorpus.file("nodemailer-mailparser/large_text.eml"));
        assertThat(large.textBody()).hasSize(1_000_000);
        assertThat(large.notes()).anyMatch(n -> n.contains("cut"));
    }

    @Test
    void charsetsOfTheCorpus() throws Exception {
        assertThat(parser.parse(MailCorpus.file("mikel-mail/emails/multi_charset/japanese_shift_jis.eml")).textBody())
                .startsWith("あいうえお");
        assertThat(parser.parse(MailCorpus.file("mikel-mail/emails/multi_charset/ks_c_5601-1987.eml")).textBody())
                .isEqualTo("스티해");
        assertThat(parser.parse(MailCorpus.file("mikel-mail/emails/multi_charset/japanese_iso_2022.eml")).subject())
                .isEqualTo("まみむめも");
        assertThat(parser.parse(MailCorpus.file("mikel-mail/emails/rfc6532/utf8_headers.eml")).subject())
                .isEqualTo("Säying Hello");
    }
}
