package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Classification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's own odd messages, built in code. */
class MailParserTest {

    static {
        MailSystemProperties.install();
    }

    private final MailParser parser = new MailParser();

    private ParsedMail parse(String raw) throws MailParseException {
        return parser.parse(RawMail.of(raw).build());
    }

    private static String readAll(MailAttachment attachment) throws IOException {
        try (InputStream in = attachment.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class Headers {

        @Test
        void plainMessage() throws Exception {
            ParsedMail mail = parse("""
                    From: "Ann Example" <ann@example.com>
                    To: desk@support.example, Bob <bob@example.com>
                    Cc: carol@example.com
                    Reply-To: ann.private@example.org
                    Subject: Printer on fire
                    Date: Tue, 03 Mar 2026 09:15:00 +0000
                    Message-ID: < abc.123@mail.example.com >
                    In-Reply-To: <parent@example.com>
                    References: <root@example.com>
                     <parent@example.com>

                    Hello,
                    the printer is on fire.
                    """);

            assertThat(mail.messageId()).isEqualTo("<abc.123@mail.example.com>");
            assertThat(mail.messageIdSynthesized()).isFalse();
            assertThat(mail.from()).contains(new MailAddress("ann@example.com", "Ann Example"));
            assertThat(mail.to()).extracting(MailAddress::address)
                    .containsExactly("desk@support.example", "bob@example.com");
            assertThat(mail.cc()).extracting(MailAddress::address).containsExactly("carol@example.com");
            assertThat(mail.replyAddress()).contains(MailAddress.of("ann.private@example.org"));
            assertThat(mail.subject()).isEqualTo("Printer on fire");
            assertThat(mail.dateHeader()).isEqualTo(Instant.parse("2026-03-03T09:15:00Z"));
            assertThat(mail.inReplyTo()).contains("<parent@example.com>");
            assertThat(mail.references()).containsExactly("<root@example.com>", "<parent@example.com>");
            assertThat(mail.threadingIds()).containsExactly("<parent@example.com>", "<root@example.com>");
            assertThat(mail.textBody()).isEqualTo("Hello,\nthe printer is on fire.");
            assertThat(mail.automated()).isEqualTo(AutomatedKind.NONE);
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.notes()).isEmpty();
        }

        @Test
        void missingMessageIdIsSynthesizedFromTheRawBytes() throws Exception {
            String raw = "From: a@example.com\nSubject: no id\n\nbody\n";
            ParsedMail first = parse(raw);
            ParsedMail again = parse(raw);
            ParsedMail other = parse(raw + "more\n");

            assertThat(first.messageIdSynthesized()).isTrue();
            assertThat(first.messageId()).matches("<sha256-[0-9a-f]{64}@supportdesk\\.invalid>");
            assertThat(again.messageId()).isEqualTo(first.messageId());
            assertThat(other.messageId()).isNotEqualTo(first.messageId());
        }

        @Test
        void emptyOrBlankMessageIdIsSynthesizedToo() throws Exception {
            assertThat(parse("Message-ID: <>\nSubject: x\n\nb\n").messageIdSynthesized()).isTrue();
            assertThat(parse("Message-ID:   \nSubject: x\n\nb\n").messageIdSynthesized()).isTrue();
            assertThat(parse("Message-ID: bare-id@example.com\n\nb\n").messageId()).isEqualTo("<bare-id@example.com>");
        }

        @Test
        void garbageAddressesAreToleratedAndWhatLooksLikeAnAddressIsKept() throws Exception {
            ParsedMail mail = parse("""
                    From: Broken <<< "quote ann@example.com
                    To: undisclosed-recipients:;
                    Cc: ,,, "x" <>, real@example.com
                    Subject: garbage

                    b
                    """);
            assertThat(mail.from()).map(MailAddress::address).contains("ann@example.com");
            assertThat(mail.to()).isEmpty();
            assertThat(mail.cc()).extracting(MailAddress::address).containsExactly("real@example.com");
        }

        @Test
        void fromWithoutAnyAddressIsEmpty() throws Exception {
            assertThat(parse("From: MAILER-DAEMON\nSubject: x\n\nb\n").from()).isEmpty();
            assertThat(parse("Subject: x\n\nb\n").from()).isEmpty();
        }

        @Test
        void missingSubjectAndUnreadableDate() throws Exception {
            ParsedMail mail = parse("From: a@example.com\nDate: sometime last week\n\nb\n");
            assertThat(mail.subject()).isEqualTo(ParsedMail.NO_SUBJECT);
            assertThat(mail.normalizedSubject()).isEqualTo(ParsedMail.NO_SUBJECT);
            assertThat(mail.dateHeader()).isNull();
            assertThat(mail.notes()).anyMatch(n -> n.contains("Date header"));
        }

        @Test
        void whiteSpaceLineInsideFoldedHeaderIsFoldingButBeforeTheBodyEndsTheHeaders() throws Exception {
            ParsedMail folded = parse("From: a@example.com\nSubject: first\n \n second\nTo: b@example.com\n\nbody\n");
            assertThat(folded.subject()).isEqualTo("first second");
            assertThat(folded.to()).extracting(MailAddress::address).containsExactly("b@example.com");
            assertThat(folded.textBody()).isEqualTo("body");

            ParsedMail separated = parse("From: a@example.com\nSubject: s\n \nThe body starts here.\n");
            assertThat(separated.subject()).isEqualTo("s");
            assertThat(separated.textBody()).isEqualTo("The body starts here.");
        }

        @Test
        void byteOrderMarkAndBlankLinesInFrontOfTheHeadersAreSkipped() throws Exception {
            byte[] bom = RawMail.of("").bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
                    .text("Subject: with BOM\n\nb\n").build();
            assertThat(parser.parse(bom).subject()).isEqualTo("with BOM");
            assertThat(parse("\n\nSubject: after blank lines\nFrom: a@example.com\n\nb\n").subject())
                    .isEqualTo("after blank lines");
            assertThat(parse("\nNo headers, just a blank line first.\n").textBody())
                    .isEqualTo("No headers, just a blank line first.");
        }

        @Test
        void mboxFromLineIsSkipped() throws Exception {
            ParsedMail mail = parse("From ann@example.com Tue Mar  3 09:15:00 2026\nFrom: ann@example.com\n"
                    + "Subject: from mbox\n\nb\n");
            assertThat(mail.subject()).isEqualTo("from mbox");
            assertThat(mail.from()).map(MailAddress::address).contains("ann@example.com");
        }
    }

    @Nested
    class Charsets {

        @Test
        void rfc2047SubjectsInManyShapes() throws Exception {
            assertThat(parse("Subject: =?UTF-8?B?w4RyZ2VyIG1pdCDigqw=?=\n\nb\n").subject()).isEqualTo("Ärger mit €");
            // iso-8859-1 means windows-1252: 0x80 is the euro sign
            assertThat(parse("Subject: =?iso-8859-1?Q?Preis_=80_5?=\n\nb\n").subject()).isEqualTo("Preis € 5");
            // a multi-byte character split over two words, and white space between words dropped
            assertThat(parse("Subject: =?utf-8?B?4oI=?= =?utf-8?B?rA==?= x\n\nb\n").subject()).isEqualTo("€ x");
            // unknown charset label: sniffed (valid UTF-8 here)
            assertThat(parse("Subject: =?x-unknown?Q?caf=C3=A9?=\n\nb\n").subject()).isEqualTo("café");
            // an encoded word inside a word, and broken base64 padding
            assertThat(parse("Subject: Re:=?utf-8?Q?_Stra=C3=9Fe?= =?NONE?B?VEVTVA=?=\n\nb\n").subject())
                    .isEqualTo("Re: StraßeTEST");
            // a malformed word stays as it is
            assertThat(parse("Subject: =?utf-8?X?nope?= ok\n\nb\n").subject()).isEqualTo("=?utf-8?X?nope?= ok");
        }

        @Test
        void raw8bitHeadersAreUtf8WhenValidElseWindows1252() throws Exception {
            byte[] utf8 = RawMail.of("From: ").text("Jörg Müller <jm@example.com>", StandardCharsets.UTF_8)
                    .text("\nSubject: ").text("Grüße", StandardCharsets.UTF_8).text("\n\nb\n").build();
            ParsedMail mail = parser.parse(utf8);
            assertThat(mail.subject()).isEqualTo("Grüße");
            assertThat(mail.from()).map(MailAddress::displayName).contains("Jörg Müller");

            byte[] latin = RawMail.of("Subject: ").text("Grüße €", Charset.forName("windows-1252"))
                    .text("\n\nb\n").build();
            assertThat(parser.parse(latin).subject()).isEqualTo("Grüße €");
        }

        @Test
        void raw8bitSubjectFallsBackToTheBodyCharset() throws Exception {
            Charset big5 = Charset.forName("Big5");
            byte[] raw = RawMail.of("Subject: ").text("測試", big5)
                    .text("\nContent-Type: text/plain; charset=big5\n\n").text("內容", big5).build();
            ParsedMail mail = parser.parse(raw);
            assertThat(mail.subject()).isEqualTo("測試");
            assertThat(mail.textBody()).isEqualTo("內容");
        }

        @Test
        void bodyCharsetRules() throws Exception {
            // gb2312 is read as GBK: 镕 is in GBK but not in GB2312
            byte[] gbk = RawMail.of("Content-Type: text/plain; charset=gb2312\n\n")
                    .text("朱镕基", Charset.forName("GBK")).build();
            assertThat(parser.parse(gbk).textBody()).isEqualTo("朱镕基");

            // iso-8859-1 is read as windows-1252
            byte[] latin = RawMail.of("Content-Type: text/plain; charset=iso-8859-1\n\n")
                    .bytes(new byte[] {'5', ' ', (byte) 0x80, ' ', (byte) 0x93, 'q', (byte) 0x94}).build();
            assertThat(parser.parse(latin).textBody()).isEqualTo("5 € “q”");

            // an invalid label: UTF-8 if the bytes are UTF-8, otherwise windows-1252
            byte[] bogusUtf8 = RawMail.of("Content-Type: text/plain; charset=\"x-bogus\"\n\n")
                    .text("naïve", StandardCharsets.UTF_8).build();
            assertThat(parser.parse(bogusUtf8).textBody()).isEqualTo("naïve");
            byte[] bogusLatin = RawMail.of("Content-Type: text/plain; charset=\"x-bogus\"\n\nna\u00efve").build();
            assertThat(parser.parse(bogusLatin).textBody()).isEqualTo("naïve");

            // no label, 8-bit UTF-8 bytes; and a label that lies (says latin-1, is UTF-8)
            assertThat(parser.parse(RawMail.of("\n").text("Grüße", StandardCharsets.UTF_8).build()).textBody())
                    .isEqualTo("Grüße");
            byte[] lying = RawMail.of("Content-Type: text/plain; charset=iso-8859-1\n\n")
                    .text("DISCOVER® Æ", StandardCharsets.UTF_8).build();
            assertThat(parser.parse(lying).textBody()).isEqualTo("DISCOVER® Æ");
        }
    }

    @Nested
    class Bodies {

        @Test
        void htmlOnlyMailBecomesSafeText() throws Exception {
            ParsedMail mail = parse("""
                    Subject: html only
                    Content-Type: text/html; charset=utf-8

                    <html><head><title>Title is not text</title>
                    <style>p { color: red }</style><script>alert('steal')</script></head>
                    <body onload="evil()">
                    <p>Dear&nbsp;support &amp; friends,</p>
                    <p>the <b>caf&eacute;</b> app fails.<br>Second line.</p>
                    <ul><li>first item</li><li>second item</li></ul>
                    <ol><li>one</li><li>two</li></ol>
                    <p>See <a href="https://status.example.com/x?a=1&amp;b=2">the status page</a>
                    or <a href="https://example.com">https://example.com</a>
                    or <a href="javascript:evil()">this</a>.</p>
                    <img src="https://tracker.example.com/pixel.gif" alt="">
                    <img src="http://example.com/logo.png" alt="Company logo">
                    <div style="display:none">hidden preheader</div>
                    <script>document.write('more')</script>
                    </body></html>
                    """);

            assertThat(mail.textBody()).isEqualTo("""
                    Dear support & friends,

                    the café app fails.
                    Second line.

                    - first item
                    - second item

                    1. one
                    2. two

                    See the status page <https://status.example.com/x?a=1&b=2> or https://example.com or this.

                    [image: Company logo]""");
            assertThat(mail.textBody()).doesNotContain("alert", "color", "Title", "tracker", "hidden", "evil", "more");
        }

        @Test
        void plainTextIsPreferredInAlternativeAndHtmlIsTheFallback() throws Exception {
            ParsedMail both = parse("""
                    Content-Type: multipart/alternative; boundary=b

                    --b
                    Content-Type: text/plain; charset=utf-8

                    plain version
                    --b
                    Content-Type: text/html; charset=utf-8

                    <p>html version</p>
                    --b--
                    """);
            assertThat(both.textBody()).isEqualTo("plain version");
            assertThat(both.attachments()).isEmpty();

            ParsedMail emptyPlain = parse("""
                    Content-Type: multipart/alternative; boundary=b

                    --b
                    Content-Type: text/plain

                    --b
                    Content-Type: text/html

                    <p>only the html has text</p>
                    --b--
                    """);
            assertThat(emptyPlain.textBody()).isEqualTo("only the html has text");
        }

        @Test
        void deeplyNestedHtmlDoesNotExhaustTheStack() throws Exception {
            String html = "<div>".repeat(200_000) + "deep text" + "</div>".repeat(200_000);
            ParsedMail mail = parse("Content-Type: text/html\n\n" + html);
            assertThat(mail.textBody()).contains("deep text");
        }

        @Test
        void hugeHtmlIsCapped() throws Exception {
            MailParser small = new MailParser(new ParserOptions("SD", ParserOptions.DEFAULT_ATTACHMENT_CAP,
                    1_000_000, 10_000, 100, 10));
            String html = "<p>" + "junk ".repeat(100_000) + "</p>";
            ParsedMail mail = small.parse(RawMail.of("Content-Type: text/html\n\n" + html).build());
            assertThat(mail.textBody().length()).isLessThanOrEqualTo(10_000);
            assertThat(mail.notes()).anyMatch(n -> n.contains("HTML") && n.contains("10000"));
        }

        @Test
        void longTextIsCut() throws Exception {
            MailParser small = new MailParser(new ParserOptions("SD", 1000, 50, 1000, 100, 10));
            ParsedMail mail = small.parse(RawMail.of("\n" + "word ".repeat(100)).build());
            assertThat(mail.textBody()).hasSizeLessThanOrEqualTo(50);
            assertThat(mail.notes()).anyMatch(n -> n.contains("cut"));
        }

        @Test
        void controlCharactersAreRemovedAndLineBreaksUnified() throws Exception {
            byte[] raw = RawMail.of("\n").bytes("a\u0000b\u0007c\r\nd\re\u001b[31mf\n".getBytes(StandardCharsets.ISO_8859_1))
                    .build();
            assertThat(parser.parse(raw).textBody()).isEqualTo("abc\nd\ne[31mf");
        }
    }

    @Nested
    class Structure {

        private static final String PNG = Base64.getEncoder().encodeToString("not really a png".getBytes(StandardCharsets.UTF_8));
        private static final String PDF = Base64.getMimeEncoder().encodeToString("%PDF-1.4 fake".getBytes(StandardCharsets.UTF_8));

        @Test
        void nestedMultipartGivesBodyAndAttachments() throws Exception {
            ParsedMail mail = parse("""
                    Subject: nested
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary="outer"

                    preamble is ignored
                    --outer
                    Content-Type: multipart/alternative; boundary="alt"

                    --alt
                    Content-Type: text/plain; charset=utf-8

                    See the screenshot.
                    --alt
                    Content-Type: multipart/related; boundary="rel"

                    --rel
                    Content-Type: text/html; charset=utf-8

                    <p>See the <img src="cid:shot@x"> screenshot.</p>
                    --rel
                    Content-Type: image/png
                    Content-ID: <shot@x>
                    Content-Transfer-Encoding: base64

                    %s
                    --rel--
                    --alt--
                    --outer
                    Content-Type: application/pdf; name="C:\\\\Users\\\\ann\\\\report.pdf"
                    Content-Disposition: attachment; filename="C:\\\\Users\\\\ann\\\\report.pdf"
                    Content-Transfer-Encoding: base64

                    %s
                    --outer--
                    epilogue is ignored
                    """.formatted(PNG, PDF));

            assertThat(mail.textBody()).isEqualTo("See the screenshot.");
            assertThat(mail.attachments()).hasSize(2);
            MailAttachment image = mail.attachments().get(0);
            assertThat(image.fileName()).isEqualTo("attachment-1.png");
            assertThat(image.contentType()).isEqualTo("image/png");
            assertThat(image.inline()).isTrue();
            assertThat(image.contentId()).isEqualTo("<shot@x>");
            assertThat(readAll(image)).isEqualTo("not really a png");
            MailAttachment pdf = mail.attachments().get(1);
            assertThat(pdf.fileName()).isEqualTo("report.pdf");
            assertThat(pdf.inline()).isFalse();
            assertThat(pdf.size()).isEqualTo("%PDF-1.4 fake".length());
            assertThat(readAll(pdf)).isEqualTo("%PDF-1.4 fake");
        }

        @Test
        void attachmentNamesInRfc2231AndRfc2047() throws Exception {
            ParsedMail mail = parse("""
                    Content-Type: multipart/mixed; boundary=b

                    --b
                    Content-Type: text/plain
                    Content-Disposition: attachment; filename*=UTF-8''%C3%BCbersicht%20%E2%82%AC.txt

                    one
                    --b
                    Content-Type: application/octet-stream; name="=?UTF-8?Q?K=C3=A4se.bin?="

                    two
                    --b--
                    """);
            assertThat(mail.attachments()).extracting(MailAttachment::fileName)
                    .containsExactly("übersicht €.txt", "Käse.bin");
            assertThat(mail.textBody()).isEmpty();
        }

        @Test
        void emptyMultipartAndMultipartWithoutBoundary() throws Exception {
            ParsedMail empty = parse("Subject: empty\nContent-Type: multipart/mixed; boundary=b\n\n--b--\n");
            assertThat(empty.textBody()).isEmpty();
            assertThat(empty.attachments()).isEmpty();

            ParsedMail nothing = parse("Subject: nothing\nContent-Type: multipart/mixed; boundary=b\n\n");
            assertThat(nothing.subject()).isEqualTo("nothing");

            ParsedMail noBoundary = parse("Content-Type: multipart/mixed\n\n--zz\nContent-Type: text/plain\n\nhi\n--zz--\n");
            assertThat(noBoundary.textBody()).isEqualTo("hi");
        }

        @Test
        void brokenBase64AndUnknownTransferEncodingDoNotFailTheMessage() throws Exception {
            ParsedMail mail = parse("""
                    Content-Type: multipart/mixed; boundary=b

                    --b
                    Content-Type: text/plain
                    Content-Transfer-Encoding: x-made-up

                    text under an unknown encoding
                    --b
                    Content-Type: application/octet-stream; name=broken.bin
                    Content-Transfer-Encoding: base64

                    SGVsbG8g!!!d29y*bGQ=#=
                    bad line ~~~~
                    --b--
                    """);
            assertThat(mail.textBody()).isEqualTo("text under an unknown encoding");
            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("broken.bin");
                assertThat(a.size()).isPositive();
            });
        }

        @Test
        void attachmentsOverThePerMessageCapAreMarkedTooLarge() throws Exception {
            String twoKb = Base64.getMimeEncoder().encodeToString(new byte[2048]);
            String raw = """
                    Content-Type: multipart/mixed; boundary=b

                    --b
                    Content-Type: text/plain

                    body
                    --b
                    Content-Type: application/octet-stream; name=a.bin
                    Content-Transfer-Encoding: base64

                    %1$s
                    --b
                    Content-Type: application/octet-stream; name=b.bin
                    Content-Transfer-Encoding: base64

                    %1$s
                    --b--
                    """.formatted(twoKb);
            ParsedMail mail = new MailParser(ParserOptions.defaults().withAttachmentCap(3000))
                    .parse(RawMail.of(raw).build());

            assertThat(mail.attachments()).extracting(MailAttachment::tooLarge).containsExactly(false, true);
            assertThat(mail.attachments().get(1).size()).isEqualTo(2048);
            assertThat(mail.notes()).anyMatch(n -> n.contains("b.bin"));
            assertThat(new MailAttachment("x", "a/b", 52_428_800, true, false, "", null).tooLargeNote())
                    .isEqualTo("too large: 50.0 MB, kept on server");
        }

        @Test
        void digestPartsDefaultToMessages() throws Exception {
            ParsedMail mail = parse("""
                    Content-Type: multipart/digest; boundary=d

                    --d

                    From: one@example.com
                    Subject: first

                    one
                    --d--
                    """);
            assertThat(mail.attachments()).singleElement()
                    .satisfies(a -> assertThat(a.contentType()).isEqualTo("message/rfc822"));
        }

        @Test
        void fileAndByteArrayGiveTheSameResult(@TempDir Path dir) throws Exception {
            byte[] raw = RawMail.of("""
                    From: a@example.com
                    Subject: same
                    Content-Type: multipart/mixed; boundary=b

                    --b

                    text
                    --b
                    Content-Type: application/octet-stream; name=x.bin

                    data
                    --b--
                    """).build();
            Path file = Files.write(dir.resolve("m.eml"), raw);
            ParsedMail fromFile = parser.parse(file);
            ParsedMail fromBytes = parser.parse(raw);

            assertThat(fromFile.messageId()).isEqualTo(fromBytes.messageId());
            assertThat(fromFile.textBody()).isEqualTo(fromBytes.textBody()).isEqualTo("text");
            assertThat(fromFile.rawSize()).isEqualTo(raw.length);
            assertThat(readAll(fromFile.attachments().get(0))).isEqualTo("data");
            assertThat(readAll(fromBytes.attachments().get(0))).isEqualTo("data");
        }
    }

    @Nested
    class Unparseable {

        @Test
        void emptyAndBlankSourcesAreRejectedInPlainLanguage() {
            assertThatThrownBy(() -> parser.parse(new byte[0]))
                    .isInstanceOf(MailParseException.class).hasMessage("The message is empty (0 bytes).");
            assertThatThrownBy(() -> parse("\n\n  \n"))
                    .isInstanceOf(MailParseException.class).hasMessageContaining("only blank lines");
        }

        @Test
        void binaryDataInTheHeadersIsRejected() {
            byte[] raw = RawMail.of("Subject: x\n").bytes(new byte[] {'A', 0, 0, 1, ':', 0}).text("\n\nbody").build();
            assertThatThrownBy(() -> parser.parse(raw))
                    .isInstanceOf(MailParseException.class).hasMessageContaining("binary data");
        }

        @Test
        void headerlessTextBecomesATicketableMessage() throws Exception {
            ParsedMail mail = parse("This is just text.\nOFFICIAL-SENSITIVE\nNo headers at all.\n");
            assertThat(mail.subject()).isEqualTo(ParsedMail.NO_SUBJECT);
            assertThat(mail.from()).isEmpty();
            assertThat(mail.messageIdSynthesized()).isTrue();
            assertThat(mail.textBody()).isEqualTo("This is just text.\nOFFICIAL-SENSITIVE\nNo headers at all.");
            assertThat(mail.officialSensitive()).isTrue();
            assertThat(mail.notes()).anyMatch(n -> n.contains("no header section"));
        }
    }

    @Nested
    class Markings {

        @Test
        void ticketTagAndNormalisedSubject() throws Exception {
            ParsedMail mail = parse("Subject: RE: AW: Fwd: [SD-0042] Re[2]: SV: WG: Antw: Printer  broken [sd-7]\n\nb\n");
            assertThat(mail.ticketRef()).contains("SD-42");
            assertThat(mail.normalizedSubject()).isEqualTo("Printer broken");
        }

        @Test
        void configurableTicketPrefix() throws Exception {
            MailParser hd = new MailParser(ParserOptions.defaults().withTicketPrefix("HD"));
            assertThat(hd.parse(RawMail.of("Subject: Re: [HD-9] x\n\nb\n").build()).ticketRef()).contains("HD-9");
            assertThat(hd.parse(RawMail.of("Subject: Re: [SD-9] x\n\nb\n").build()).ticketRef()).isEmpty();
        }

        @Test
        void officialSensitiveInSubjectOrFirstFiveLines() throws Exception {
            assertThat(parse("Subject: OFFICIAL SENSITIVE: access list\n\nb\n").classification())
                    .isEqualTo(Classification.OFFICIAL_SENSITIVE);
            assertThat(parse("Subject: x\n\n\nofficial-sensitive\n\nText\n").officialSensitive()).isTrue();
            assertThat(parse("Subject: x\n\n1\n2\n3\n4\n\n5 OFFICIAL-SENSITIVE\n").officialSensitive()).isTrue();
            assertThat(parse("Subject: x\n\n1\n2\n3\n4\n5\nOFFICIAL-SENSITIVE\n").officialSensitive()).isFalse();
            assertThat(parse("Subject: OFFICIALSENSITIVE UNOFFICIAL-SENSITIVEX\n\nb\n").officialSensitive()).isFalse();
            assertThat(parse("Subject: OFFICIAL\n\nb\n").classification()).isEqualTo(Classification.OFFICIAL);
        }
    }
}
