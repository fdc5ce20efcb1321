package com.supportdesk.ui.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.mail.IntakeOutcome;
import com.supportdesk.mail.MailIntake;
import com.supportdesk.mail.QuarantineService;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A store with an admin, the intake and the quarantine service, and helpers to put mail into the quarantine. */
final class MailUiFixture implements AutoCloseable {

    /** Not mail: binary data in the header section. */
    static final byte[] UNREADABLE = concat("From: Bob <bob@acme.example>\r\nSubject: broken upload\r\nX: ".getBytes(
            StandardCharsets.ISO_8859_1), new byte[] {0, 1, 2}, "\r\n\r\nbody\r\n".getBytes(StandardCharsets.ISO_8859_1));
    static final byte[] AUTO_REPLY = ("From: Carol <carol@acme.example>\r\nTo: desk@localhost\r\nSubject: Out of office\r\n"
            + "Message-ID: <ooo@acme.example>\r\nAuto-Submitted: auto-replied\r\n\r\nI am away.\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    final Path dir;
    final MutableClock clock = MutableClock.at("2026-03-10T10:00:00Z");
    final Store store;
    final Agent admin;
    final MailIntake intake;
    final QuarantineService quarantine;

    MailUiFixture(Path dir) {
        this.dir = dir;
        this.store = TestStores.open(dir, clock);
        this.admin = TestStores.admin(store);
        this.intake = new MailIntake(store);
        this.quarantine = new QuarantineService(store, intake);
    }

    IntakeOutcome ingest(byte[] raw) {
        try {
            Path file = Files.createTempFile(dir, "raw", ".eml");
            Files.write(file, raw);
            return intake.ingestRaw(file, Instant.parse("2026-03-09T08:30:00Z"), "desk@example.com", "INBOX");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        store.close();
    }
}
