package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ImapMailboxTest extends GreenMailTestBase {

    private ImapMailbox open(ImapSettings settings) throws MailConnectionException {
        return ImapMailbox.open(settings, GreenMailSupport.FAST, spool);
    }

    @Test
    void fetchesByUidRangeWithoutMarkingSeenUntilProcessed() throws Exception {
        for (String subject : List.of("one", "two", "three")) {
            GreenMailSupport.deliver(GREENMAIL, GreenMailSupport.simpleMessage(subject));
        }
        try (ImapMailbox mailbox = open(GreenMailSupport.imap(GREENMAIL))) {
            assertThat(mailbox.uidValidity()).isPositive();

            List<FetchedMessage> all = mailbox.fetchSince(0, 10);
            assertThat(all).hasSize(3);
            assertThat(all).extracting(FetchedMessage::uid).isSorted().doesNotHaveDuplicates();
            MailParser parser = new MailParser();
            for (FetchedMessage fetched : all) {
                assertThat(fetched.internalDate()).isNotNull();
                assertThat(fetched.rawFile()).startsWith(spool).exists();
                assertThat(Files.size(fetched.rawFile())).isEqualTo(fetched.size());
            }
            assertThat(parser.parse(all.get(1).rawFile()).subject()).isEqualTo("two");
            assertThat(seenCount()).isZero(); // peek: fetching is not reading

            long last = all.get(2).uid();
            assertThat(mailbox.fetchSince(last, 10)).isEmpty(); // "last+1:*" must not return the newest again
            assertThat(mailbox.fetchSince(0, 2)).extracting(FetchedMessage::uid)
                    .containsExactly(all.get(0).uid(), all.get(1).uid());
            assertThat(mailbox.fetchSince(all.get(0).uid(), 10)).hasSize(2);

            mailbox.markProcessed(all.get(0).uid());
            assertThat(seenCount()).isEqualTo(1);
            mailbox.markProcessed(List.of(all.get(1).uid(), all.get(2).uid(), 9_999L)); // unknown UIDs ignored
            assertThat(seenCount()).isEqualTo(3);

            FetchedMessage first = all.get(0);
            first.close();
            assertThat(first.rawFile()).doesNotExist();
        }
    }

    @Test
    void smallMessagesStayInMemoryWithinTheBudgetAndTheRestGoToSpoolFiles() throws Exception {
        byte[] one = GreenMailSupport.simpleMessage("one");
        byte[] two = GreenMailSupport.simpleMessage("two");
        byte[] three = GreenMailSupport.simpleMessage("three");
        byte[] large = ("From: a@example.com\r\nTo: desk@localhost\r\nSubject: large\r\n\r\n"
                + "0123456789abcdef".repeat((int) MailIntake.MARK_FROM_BYTES / 16) + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (byte[] raw : List.of(one, two, large, three)) {
            GreenMailSupport.deliver(GREENMAIL, raw);
        }
        try (ImapMailbox mailbox = open(GreenMailSupport.imap(GREENMAIL))) {
            // without a budget, everything goes to files as before
            List<FetchedMessage> filed = mailbox.fetchSince(0, 10);
            assertThat(filed).allSatisfy(f -> assertThat(f.bytes()).isNull());
            filed.forEach(FetchedMessage::close);
            long budget = filed.get(0).size() + filed.get(1).size() / 2;
            List<FetchedMessage> all = mailbox.fetchSince(0, 10, budget);
            assertThat(all).hasSize(4);
            // the first small one fits the budget; the second does not (half of it is left), nor does the large one
            assertThat(all.get(0).bytes()).isNotNull();
            assertThat(all.get(0).rawFile()).isNull();
            for (FetchedMessage onDisk : List.of(all.get(1), all.get(2), all.get(3))) {
                assertThat(onDisk.bytes()).isNull();
                assertThat(onDisk.rawFile()).startsWith(spool).exists();
            }
            try (var files = Files.list(spool)) {
                assertThat(files.count()).isEqualTo(3);
            }
            MailParser parser = new MailParser();
            assertThat(parser.parse(all.get(0).bytes()).subject()).isEqualTo("one");
            assertThat(parser.parse(all.get(2).rawFile()).subject()).isEqualTo("large");
            for (FetchedMessage f : all) {
                byte[] back = f.bytes() != null ? f.bytes() : Files.readAllBytes(f.rawFile());
                assertThat(back).hasSize((int) f.size());
                assertThat(f.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(back)));
                f.close();
            }
            try (var files = Files.list(spool)) {
                assertThat(files.count()).isZero();
            }
        }
    }

    @Test
    void uidValidityStaysTheSameAcrossReconnects() throws Exception {
        long first;
        try (ImapMailbox mailbox = open(GreenMailSupport.imap(GREENMAIL))) {
            first = mailbox.uidValidity();
        }
        try (ImapMailbox mailbox = open(GreenMailSupport.imap(GREENMAIL))) {
            assertThat(mailbox.uidValidity()).isEqualTo(first);
            assertThat(mailbox.isConnected()).isTrue();
        }
    }

    @Test
    void movesProcessedMessagesWithMoveOrCopyAndCreatesTheFolder() throws Exception {
        for (String subject : List.of("a", "b", "c")) {
            GreenMailSupport.deliver(GREENMAIL, GreenMailSupport.simpleMessage(subject));
        }
        ImapSettings settings = GreenMailSupport.imap(GREENMAIL).withAfterImport(AfterImport.MOVE, "Processed");
        try (ImapMailbox mailbox = open(settings)) {
            List<FetchedMessage> all = mailbox.fetchSince(0, 10);
            mailbox.markProcessed(all.get(0).uid()); // IMAP MOVE (GreenMail offers it)
            mailbox.markProcessed(List.of(all.get(1).uid()), false); // copy + \Deleted + expunge
            assertThat(mailbox.fetchSince(0, 10)).extracting(FetchedMessage::uid).containsExactly(all.get(2).uid());
        }
        assertThat(count("Processed")).isEqualTo(2);
        assertThat(count("INBOX")).isEqualTo(1);
    }

    @Test
    void idleReturnsWhenNewMailArrives() throws Exception {
        try (ImapMailbox mailbox = open(GreenMailSupport.imap(GREENMAIL))) {
            assertThat(mailbox.supportsIdle()).isTrue();
            CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> idle(mailbox, Duration.ofSeconds(60)));
            Thread.sleep(500);
            GreenMailSupport.deliver(GREENMAIL, GreenMailSupport.simpleMessage("wake up"));
            assertThat(idle.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(mailbox.fetchSince(0, 10)).hasSize(1);
        }
    }

    @Test
    void idleEndsAtItsMaximumOrOnWakeUp() throws Exception {
        try (ImapMailbox mailbox = open(GreenMailSupport.imap(GREENMAIL))) {
            assertThat(mailbox.idle(Duration.ofMillis(300))).isFalse();

            CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> idle(mailbox, Duration.ofSeconds(60)));
            Thread.sleep(500);
            mailbox.wakeUp();
            assertThat(idle.get(30, TimeUnit.SECONDS)).isFalse();
            assertThat(mailbox.isConnected()).isTrue();
            assertThat(mailbox.fetchSince(0, 10)).isEmpty(); // still usable after IDLE
        }
    }

    @Test
    void closeFromAnotherThreadEndsIdle() throws Exception {
        ImapMailbox mailbox = open(GreenMailSupport.imap(GREENMAIL));
        CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> idle(mailbox, Duration.ofSeconds(60)));
        Thread.sleep(500);
        mailbox.close();
        assertThat(idle.handle((result, error) -> result == null || !result).get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mailbox.isConnected()).isFalse();
    }

    @Test
    void pollPathSeesNewMailWithoutIdle() throws Exception {
        try (ImapMailbox mailbox = open(GreenMailSupport.imap(GREENMAIL))) {
            assertThat(mailbox.idleByPolling(Duration.ofMillis(200))).isFalse();
            CompletableFuture<Boolean> poll = CompletableFuture.supplyAsync(() -> {
                try {
                    return mailbox.idleByPolling(Duration.ofSeconds(1));
                } catch (MailConnectionException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            GreenMailSupport.deliver(GREENMAIL, GreenMailSupport.simpleMessage("polled"));
            assertThat(poll.get(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static boolean idle(ImapMailbox mailbox, Duration max) {
        try {
            return mailbox.idle(max);
        } catch (MailConnectionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int seenCount() throws Exception {
        try (Store store = GREENMAIL.getImap().createStore()) {
            store.connect(GreenMailSupport.LOGIN, GreenMailSupport.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int seen = 0;
            for (Message m : inbox.getMessages()) {
                seen += m.isSet(Flags.Flag.SEEN) ? 1 : 0;
            }
            inbox.close(false);
            return seen;
        }
    }

    private static int count(String folderName) throws Exception {
        try (Store store = GREENMAIL.getImap().createStore()) {
            store.connect(GreenMailSupport.LOGIN, GreenMailSupport.PASSWORD);
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : -1;
        }
    }
}
