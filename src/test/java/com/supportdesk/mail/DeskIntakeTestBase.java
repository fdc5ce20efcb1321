package com.supportdesk.mail;

import com.supportdesk.store.Store;
import com.supportdesk.testing.TestDesk;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intake tests on either engine ({@link TestDesk.Engine}): a desk opened as the mail gateway in a temporary folder,
 * closed after each test, and one catch-up round from the test's GreenMail mailbox.
 */
abstract class DeskIntakeTestBase extends GreenMailTestBase {

    @TempDir
    Path dir;
    TestDesk desk;

    @AfterEach
    void closeDesk() {
        if (desk != null) {
            desk.close();
        }
    }

    /** Opens the desk on {@code engine} and returns the store the mail gateway writes through. */
    Store open(TestDesk.Engine engine) {
        desk = TestDesk.open(engine, dir, Clock.systemUTC());
        return desk.intake();
    }

    /** A plain message: {@code extra} holds more header lines, each ending in a line break. */
    static byte[] mail(String from, String subject, String id, String extra, String body) {
        return RawMail.of("From: " + from + "\nTo: " + GreenMailSupport.ADDRESS + "\nSubject: " + subject
                + "\nMessage-ID: " + id + "\n" + extra + "\n" + body + "\n").build();
    }

    /** Puts a message into the test's mailbox. */
    static void deliver(byte[] raw) throws Exception {
        GreenMailSupport.deliver(GREENMAIL, raw);
    }

    /** One catch-up round of {@code intake} over IMAP from the test's GreenMail. */
    IntakeCounts fetch(MailIntake intake) throws Exception {
        try (ImapMailbox mailbox = ImapMailbox.open(GreenMailSupport.imap(GREENMAIL), GreenMailSupport.FAST, spool)) {
            return intake.catchUp(mailbox, true);
        }
    }
}
