package com.supportdesk.mail;

import static com.supportdesk.mail.Linearity.assertLinear;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: every text transformation on mail is linear. Each case feeds the input that made the old code
 * quadratic (a long run of blanks without a line break, a long attachment name of spaces, many list items,
 * thousands of folded header lines, …) at two sizes, 16 times apart, and fails when the larger one takes far
 * more than 16 times as long (see {@link Linearity}). The second group does the same for whole messages through
 * {@link MailParser}.
 */
class LinearTextTest {

    static {
        MailSystemProperties.install();
    }

    @Nested
    class Transformations {

        @Test
        void plainTextDropsTrailingBlanksInOnePass() {
            assertThat(PlainText.clean("a \t \nb\r\n\n\n\n\nc  ")).isEqualTo("a\nb\n\n\nc  ");
            assertLinear("PlainText.clean, blanks without a line break",
                    n -> run(() -> PlainText.clean("a" + " ".repeat(n) + "b")), 10_000);
            assertLinear("PlainText.clean, blanks before each of many line breaks",
                    n -> run(() -> PlainText.clean(" \t\n".repeat(n))), 10_000);
        }

        @Test
        void htmlListsAndPreformattedBlanks() {
            assertThat(HtmlToText.convert("<ol><li>a<li>b<ol><li>x</ol><li>c</ol>", 1000).lines()
                    .filter(l -> !l.isBlank())).containsExactly("1. a", "2. b", "1. x", "3. c");
            assertThat(HtmlToText.convert("<p><a href=\"https://x.example/\">https://x.example/</a> and"
                    + " <a href=\"https://y.example/\">here</a></p>", 1000))
                    .isEqualTo("https://x.example/ and here <https://y.example/>");
            assertLinear("HtmlToText, a list of many items", n -> {
                String html = "<ol>" + "<li>x".repeat(n) + "</ol>";
                return run(() -> HtmlToText.convert(html, Integer.MAX_VALUE));
            }, 4_000);
            assertLinear("HtmlToText, blanks in preformatted text",
                    n -> run(() -> HtmlToText.convert("<pre>a" + " ".repeat(n) + "b</pre>", Integer.MAX_VALUE)), 10_000);
            assertLinear("HtmlToText, nested links", n -> {
                String html = "<a href=\"https://x.example/\"><b>".repeat(n) + "x";
                return run(() -> HtmlToText.convert(html, Integer.MAX_VALUE));
            }, 2_000);
        }

        @Test
        void attachmentNames() {
            assertLinear("Parts.sanitizeFileName, spaces inside a name",
                    n -> run(() -> Parts.sanitizeFileName("a" + " ".repeat(n) + "b.pdf")), 10_000);
            assertLinear("Parts.sanitizeFileName, dots inside a name",
                    n -> run(() -> Parts.sanitizeFileName("a" + ". ".repeat(n) + "b")), 10_000);
        }

        @Test
        void subjects() {
            SubjectRules rules = new SubjectRules("SD");
            assertThat(rules.normalize("Re: RE[2]: Fwd:  AW: [SD-12] Printer")).isEqualTo("Printer");
            assertLinear("SubjectRules.normalize, many reply prefixes",
                    n -> run(() -> rules.normalize("Re: ".repeat(n) + "x")), 5_000);
            assertLinear("SubjectRules.normalize, blanks after a reply word",
                    n -> run(() -> rules.normalize("re" + " ".repeat(n) + "x")), 10_000);
            assertLinear("SubjectRules.severity, blanks after the word severity",
                    n -> run(() -> SubjectRules.severity("severity" + " ".repeat(n) + "x")), 10_000);
            assertLinear("SubjectRules.ticketRef, blanks inside a tag",
                    n -> run(() -> rules.ticketRef("[" + " ".repeat(n) + "x")), 10_000);
        }

        @Test
        void addressesAndHeaderValues() {
            assertThat(Addresses.parse("Broken <<< \"quote ann@acme.example x@ @y"))
                    .extracting(MailAddress::address).containsExactly("ann@acme.example");
            assertLinear("Addresses.parse, a long word without @",
                    n -> run(() -> Addresses.parse("a".repeat(n))), 10_000);
            assertLinear("AutomationRules, a Precedence of unclosed comments", n -> {
                String value = "(".repeat(n);
                return run(() -> AutomationRules.classify(name -> name.equals("Precedence") ? value : null,
                        new AutomationRules.Signals("s", "s", null, null, false)));
            }, 10_000);
            assertThat(AutomationRules.withoutComments("bulk (really) (x")).isEqualTo("bulk  (x");
            assertLinear("MessageIds.parseList, unclosed brackets",
                    n -> run(() -> MessageIds.parseList("<".repeat(n) + "a@b")), 10_000);
            assertLinear("EncodedWords.decode, an encoded word that never ends",
                    n -> run(() -> EncodedWords.decode("=?utf-8?q?" + "a".repeat(n))), 10_000);
            assertLinear("HeaderText.decode, many encoded words",
                    n -> run(() -> HeaderText.decode("=?utf-8?q?a?= ".repeat(n))), 5_000);
        }

        @Test
        void foldedHeaders() throws IOException {
            HeaderReader.Headers headers = HeaderReader.read(new ByteArrayInputStream(
                    "Subject: one\r\n two\r\n\tthree\r\nFrom: a@b\r\n\r\nbody".getBytes(StandardCharsets.ISO_8859_1)));
            assertThat(headers.getHeader("Subject", null)).isEqualTo("one\r\n two\r\n\tthree");
            assertThat(headers.getHeader("From", null)).isEqualTo("a@b");
            assertLinear("HeaderReader, a header folded over many lines", n -> {
                byte[] raw = ("Subject: x\r\n" + " folded line\r\n".repeat(n) + "\r\nbody").getBytes(StandardCharsets.ISO_8859_1);
                return run(() -> {
                    try {
                        HeaderReader.read(new ByteArrayInputStream(raw));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }, 5_000);
        }

        @Test
        void markingSearches() {
            assertLinear("MarkingScan, a long text", n -> {
                String text = "official sensitive-ish words ".repeat(n);
                return run(() -> MarkingScan.marked(text));
            }, 2_000);
            assertLinear("RawScan, base64 and quoted-printable lines", n -> {
                byte[] raw = ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\r\n=41=42 soft=\r\nline\r\n=?utf-8?q?a?=\r\n").repeat(n)
                        .getBytes(StandardCharsets.ISO_8859_1);
                return run(() -> {
                    try {
                        RawScan.of(new ByteArrayInputStream(raw), true);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }, 1_000);
        }
    }

    /** Whole messages through the parser: the old parser took hours on some of these at a few megabytes. */
    @Nested
    class Messages {

        private final MailParser parser = new MailParser();

        private Runnable parses(String raw) {
            byte[] bytes = RawMail.of(raw).build();
            return () -> {
                try {
                    parser.parse(bytes);
                } catch (MailParseException e) {
                    throw new AssertionError(e);
                }
            };
        }

        @Test
        void pathologicalMessagesParseInLinearTime() {
            List.of(
                    new Case("a body of blanks", n -> "Subject: x\n\na" + " ".repeat(n) + "b\n", 10_000),
                    new Case("a subject folded over many lines", n -> "Subject: x\n" + " y\n".repeat(n) + "\nbody\n", 5_000),
                    new Case("a From without any address", n -> "From: " + "a".repeat(n) + "\nSubject: x\n\nbody\n", 10_000),
                    new Case("many reply prefixes", n -> "Subject: " + "Re: ".repeat(n) + "x\n\nbody\n", 5_000),
                    new Case("an HTML list", n -> "Content-Type: text/html\n\n<ol>" + "<li>x".repeat(n) + "</ol>\n", 8_000),
                    new Case("an attachment name of blanks", n -> """
                            Content-Type: multipart/mixed; boundary=b

                            --b
                            Content-Type: application/octet-stream
                            Content-Disposition: attachment; filename="a%sb.pdf"

                            data
                            --b--
                            """.formatted(" ".repeat(n)), 10_000))
                    .forEach(c -> assertLinear("MailParser, " + c.what(), n -> parses(c.message().apply(n)), c.size()));
        }

        private record Case(String what, IntFunction<String> message, int size) {
        }
    }

    private static Runnable run(Runnable r) {
        return r;
    }
}
