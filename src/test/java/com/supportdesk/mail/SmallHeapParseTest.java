package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.testing.ChildJvm;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: what one message can hold in memory is bounded, whatever it is made of. Messages that needed hundreds of
 * megabytes (20,000 tiny parts, each with a buffer of its own; forty 2 MB text parts, every one kept) are parsed by a
 * JVM with a 64 MB heap.
 */
class SmallHeapParseTest {

    static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    @Test
    void messagesThatOnceNeededHundredsOfMegabytesParseInA64MbHeap() throws Exception {
        Path parts = dir.resolve("parts.eml");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(parts))) {
            out.write("Subject: parts\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 20_000; i++) {
                out.write("--b\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path texts = dir.resolve("texts.eml");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(texts))) {
            out.write("Subject: texts\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = ("all work and no play ".repeat(4) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int part = 0; part < 40; part++) {
                out.write("--b\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int written = 0; written < 2_000_000; written += line.length) {
                    out.write(line);
                }
            }
            out.write("--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        Process child = ChildJvm.start(List.of(HEAP), ParseFiles.class, parts.toString(), texts.toString());
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out.lines()).containsExactly(
                "parts: 999 texts, more than 1000 parts noted",
                "texts: 1000000 characters kept, cap noted");
    }

    /** Parses each file (a real file source, as the intake does) and says what it got. */
    public static final class ParseFiles {
        public static void main(String[] args) throws IOException, MailParseException {
            MailParser parser = new MailParser();
            ParsedMail parts = parser.parse(Path.of(args[0]));
            System.out.println("parts: " + parts.textBody().split("\n\n").length + " texts, "
                    + (parts.notes().stream().anyMatch(n -> n.contains("more than 1000 MIME parts"))
                    ? "more than 1000 parts noted" : "nothing noted"));
            ParsedMail texts = parser.parse(Path.of(args[1]));
            System.out.println("texts: " + texts.textBody().length() + " characters kept, "
                    + (texts.notes().stream().anyMatch(n -> n.contains("more text than the desk keeps"))
                    ? "cap noted" : "nothing noted"));
        }
    }
}
