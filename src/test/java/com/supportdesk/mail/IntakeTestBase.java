package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** GreenMail plus a real H2 store in a temporary folder, and the intake wired to it. */
abstract class IntakeTestBase extends GreenMailTestBase {

    @TempDir
    Path data;
    MutableClock clock;
    Store store;
    Agent admin;
    MailIntake intake;

    @BeforeEach
    void openStore() {
        // the server's INTERNALDATE is real time, so the store's clock starts at real time too
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        store = TestStores.open(data, clock);
        admin = TestStores.admin(store); // cleared admin
        intake = new MailIntake(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    ImapSettings imap() {
        return GreenMailSupport.imap(GREENMAIL);
    }

    /** One intake round as after a connect: leftovers first, then everything new. */
    IntakeCounts fetch() throws Exception {
        return fetch(intake, imap());
    }

    IntakeCounts fetch(MailIntake using, ImapSettings settings) throws Exception {
        try (ImapMailbox mailbox = ImapMailbox.open(settings, GreenMailSupport.FAST, spool)) {
            return using.catchUp(mailbox, true);
        }
    }

    /** An intake on the real parser that fails with a parse error while {@code broken} is set. */
    MailIntake intakeBrokenWhile(AtomicBoolean broken) {
        MailParser parser = new MailParser();
        return new MailIntake(store, file -> {
            if (broken.get()) {
                throw new MailParseException("The parser could not read it today.");
            }
            return parser.parse(file);
        }, clock, MailIntake.DEFAULT_BATCH);
    }

    /** One raw message through the intake's path, without IMAP, received 2026-02-02 10:00 UTC. */
    IntakeOutcome ingest(byte[] raw) throws Exception {
        Path file = Files.createTempFile(spool, "raw", ".eml");
        Files.write(file, raw);
        return intake.ingestRaw(file, Instant.parse("2026-02-02T10:00:00Z"), "test@local", "raw");
    }

    void deliver(String raw) throws Exception {
        GreenMailSupport.deliver(GREENMAIL, RawMail.of(raw).build());
    }

    /** A plain message from {@code from} with the given extra header lines. */
    static String message(String from, String subject, String messageId, String extraHeaders, String body) {
        return "From: " + from + "\nTo: " + GreenMailSupport.ADDRESS + "\nSubject: " + subject + "\nMessage-ID: "
                + messageId + "\nDate: Mon, 1 Jan 2001 08:00:00 +0000\n" + extraHeaders + "\n" + body + "\n";
    }

    Ticket ticket(long id) {
        return store.tickets().get(admin, id);
    }

    TicketDetail detail(long id) {
        return store.tickets().open(admin, id, "test");
    }

    /** The tickets in the store, oldest first (as the admin sees them). */
    List<Ticket> tickets() {
        List<Ticket> all = new ArrayList<>();
        store.tickets().forEach(admin, "test", all::add);
        return all;
    }

    Ticket onlyTicket() {
        List<Ticket> all = tickets();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** Messages in a server folder and how many of them are \Seen. */
    record FolderState(int count, int seen, List<Instant> internalDates) {
    }

    FolderState folder(String name) throws Exception {
        try (jakarta.mail.Store s = Session.getInstance(new Properties()).getStore("imap")) {
            s.connect("127.0.0.1", GREENMAIL.getImap().getPort(), GreenMailSupport.LOGIN, GreenMailSupport.PASSWORD);
            Folder f = s.getFolder(name);
            if (!f.exists()) {
                return new FolderState(0, 0, List.of());
            }
            f.open(Folder.READ_ONLY);
            try {
                Message[] all = f.getMessages();
                int seen = 0;
                List<Instant> dates = new ArrayList<>();
                for (Message m : all) {
                    if (m.isSet(Flags.Flag.SEEN)) {
                        seen++;
                    }
                    dates.add(m.getReceivedDate().toInstant());
                }
                return new FolderState(all.length, seen, dates);
            } finally {
                f.close(false);
            }
        }
    }
}
