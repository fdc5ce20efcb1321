package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB attachment is streamed from the raw file, never held in memory: the test writes it to a temp file
 * chunk by chunk, and checks that the parsed message retains far less heap than the attachment's size.
 */
class LargeAttachmentTest {

    static {
        MailSystemProperties.install();
    }

    private static final long SIZE = 50L * 1024 * 1024;
    private static final int CHUNK = 57 * 1024; // a multiple of 57 bytes: whole 76-character base64 lines
    // a realistic (long) boundary: Jakarta Mail's boundary search skips by the boundary's length

    @TempDir
    static Path dir;
    private static Path message;
    private static String sha256;

    @BeforeAll
    static void writeMessage() throws Exception {
        message = dir.resolve("large.eml");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(42);
        Base64.Encoder base64 = Base64.getMimeEncoder();
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(message), 1 << 16)) {
            out.write(("""
                    From: Ann <ann@example.com>\r
                    Subject: [SD-7] full memory dump\r
                    Message-ID: <large@example.com>\r
                    MIME-Version: 1.0\r
                    Content-Type: multipart/mixed; boundary="----=_Part_4711_1938.1772500000000"\r
                    \r
                    ------=_Part_4711_1938.1772500000000\r
                    Content-Type: text/plain\r
                    \r
                    The dump is attached.\r
                    ------=_Part_4711_1938.1772500000000\r
                    Content-Type: application/octet-stream; name="memory.dmp"\r
                    Content-Disposition: attachment; filename="memory.dmp"\r
                    Content-Transfer-Encoding: base64\r
                    \r
                    """).getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < SIZE; written += CHUNK) {
                int n = (int) Math.min(CHUNK, SIZE - written);
                random.nextBytes(chunk);
                digest.update(chunk, 0, n);
                out.write(base64.encode(n == CHUNK ? chunk : Arrays.copyOf(chunk, n)));
                out.write('\r');
                out.write('\n');
            }
            out.write("------=_Part_4711_1938.1772500000000--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        sha256 = HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void overTheDefaultCapItIsMarkedTooLargeWithItsSize() throws Exception {
        ParsedMail mail = new MailParser().parse(message);

        assertThat(mail.textBody()).isEqualTo("The dump is attached.");
        MailAttachment dump = mail.attachments().get(0);
        assertThat(dump.size()).isEqualTo(SIZE);
        assertThat(dump.tooLarge()).isTrue();
        assertThat(dump.tooLargeNote()).isEqualTo("too large: 50.0 MB, kept on server");
    }

    @Test
    void itStreamsThroughWithoutBeingHeld() throws Exception {
        MailParser parser = new MailParser(ParserOptions.defaults().withAttachmentCap(100L * 1024 * 1024));
        long before = usedHeapAfterGc();
        ParsedMail mail = parser.parse(message);
        long retained = usedHeapAfterGc() - before;

        MailAttachment dump = mail.attachments().get(0);
        assertThat(dump.tooLarge()).isFalse();
        assertThat(dump.fileName()).isEqualTo("memory.dmp");
        // the parsed message keeps metadata and a handle, not 50 MB of content
        assertThat(retained).isLessThan(8L * 1024 * 1024);

        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long count;
        try (InputStream in = new DigestInputStream(dump.open(), digest)) {
            count = in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(count).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha256);
        assertThat(mail.ticketRef()).contains("SD-7");
    }

    private static long usedHeapAfterGc() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
