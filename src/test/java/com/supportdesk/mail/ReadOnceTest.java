package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: what the intake reads of a message it reads once. Small attachments keep the bytes decoded while the
 * message was read (storing them does not read the MIME structure again); large ones are still streamed from the raw
 * source; the spooler computes the digest of a fetched message as it writes it.
 */
class ReadOnceTest extends GreenMailTestBase {

    private static String withAttachment(byte[] content) {
        String b64 = Base64.getMimeEncoder().encodeToString(content);
        return "From: ann@acme.example\r\nTo: desk@localhost\r\nSubject: With a file\r\nMessage-ID: <a1@acme.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nSee the file.\r\n--b\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=\"data.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64 + "\r\n--b--\r\n";
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static byte[] read(MailAttachment a) throws IOException {
        try (InputStream in = a.open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void aSmallAttachmentKeepsWhatWasDecodedWhenTheMessageWasRead() throws Exception {
        byte[] content = random(20_000);
        Path file = Files.createTempFile(spool, "small", ".eml");
        Files.writeString(file, withAttachment(content), StandardCharsets.US_ASCII);

        ParsedMail mail = new MailParser().parse(file);
        Files.delete(file); // storing it must not need the raw source again

        MailAttachment a = mail.attachments().get(0);
        assertThat(a.size()).isEqualTo(content.length);
        assertThat(read(a)).isEqualTo(content);
    }

    @Test
    void aLargeAttachmentIsStillReadFromTheRawSourceWhenStored() throws Exception {
        byte[] content = random(BodyWalker.KEEP_DECODED + 1);
        Path file = Files.createTempFile(spool, "large", ".eml");
        Files.writeString(file, withAttachment(content), StandardCharsets.US_ASCII);

        ParsedMail mail = new MailParser().parse(file);
        MailAttachment a = mail.attachments().get(0);
        assertThat(read(a)).isEqualTo(content);

        Files.delete(file);
        assertThatThrownBy(() -> read(a)).as("not held in memory").isInstanceOf(IOException.class);
    }

    @Test
    void jakartaMailFindsItsStreamProviderByNameNotByAClassPathSearchEachTime() throws Exception {
        MailSystemProperties.install();
        String named = System.getProperty(jakarta.mail.util.StreamProvider.class.getName());
        assertThat(named).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(jakarta.mail.util.StreamProvider.class.isAssignableFrom(Class.forName(named))).isTrue();
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName()).isEqualTo(named);
    }

    @Test
    void theSpoolerComputesTheDigestAsItWritesTheFile() throws Exception {
        GreenMailSupport.deliver(GREENMAIL, RawMail.of(withAttachment(random(5_000))).build());
        GreenMailSupport.deliver(GREENMAIL, RawMail.of(withAttachment(random(300_000))).build()); // streamed: large
        try (ImapMailbox mailbox = ImapMailbox.open(GreenMailSupport.imap(GREENMAIL), GreenMailSupport.FAST, spool)) {
            List<FetchedMessage> fetched = mailbox.fetchSince(0, 10);
            try {
                assertThat(fetched).hasSize(2);
                for (FetchedMessage f : fetched) {
                    assertThat(f.sha256()).isEqualTo(MailIntake.sha256(f.rawFile()));
                }
            } finally {
                fetched.forEach(FetchedMessage::close);
            }
        }
    }
}
