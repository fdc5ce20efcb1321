package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.supportdesk.domain.Ticket;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.MailboxRepository.QuarantineEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: messages are fetched and read (parsed) on one thread while the group before them is stored on another,
 * through a bounded hand-off. Order, the retry rule, the memory bound, a stop or an interrupt in the middle, messages
 * read under a mark, and acknowledgements only after the commit is on disk.
 */
class IntakePipelineTest extends IntakeTestBase {

    /** What happened, in order, on any thread. */
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private void deliverNumbered(int count) throws Exception {
        for (int i = 1; i <= count; i++) {
            deliver(message("ann@acme.example", "Number " + i, "<n" + i + "@acme.example>", "", "body " + i));
        }
    }

    private MailIntake intake(MailIntake.Parser parser, MailIntake.Grouping grouping) {
        return new MailIntake(store, parser, clock, grouping);
    }

    private static int indexOf(List<String> list, String event) {
        int i = list.indexOf(event);
        assertThat(i).as(event).isNotNegative();
        return i;
    }

    private long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.getFileName().toString().startsWith("imap-")).count();
        }
    }

    @Test
    void messagesAreReadAheadOnAnotherThreadAndStoredInUidOrder() throws Exception {
        deliverNumbered(12);
        // a reply to the first message, in the same group as the message it answers
        deliver(message("ann@acme.example", "Re: Number 1", "<r1@acme.example>", "In-Reply-To: <n1@acme.example>\n",
                "thanks"));
        MailParser real = new MailParser();
        Set<String> parsedOn = Collections.synchronizedSet(new HashSet<>());
        MailIntake piped = intake(file -> {
            parsedOn.add(Thread.currentThread().getName());
            ParsedMail mail = real.parse(file);
            events.add("parsed " + mail.subject());
            return mail;
        }, MailIntake.Grouping.of(4));
        List<Long> commitOrder = Collections.synchronizedList(new ArrayList<>());
        piped.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                commitOrder.add(uid);
                events.add("store " + uid);
            }

        };
        String caller = Thread.currentThread().getName();

        IntakeCounts counts = fetch(piped, imap());

        assertThat(counts.summary()).isEqualTo("fetched 13, new tickets 12, threaded 1, automated 0, quarantined 0, duplicates 0");
        assertThat(commitOrder).as("stored in UID order, each once").isSorted().doesNotHaveDuplicates().hasSize(13);
        assertThat(parsedOn).doesNotContain(caller);
        // the reading thread got ahead of the storing one: the fifth message was read before the first group was
        // stored (one thread reads it only after storing the group that it does not fit in)
        assertThat(indexOf(events, "parsed Number 5")).isLessThan(indexOf(events, "store " + commitOrder.get(0)));
        assertThat(tickets()).extracting(Ticket::subject).hasSize(12).contains("Number 1", "Number 12");
        assertThat(folder("INBOX").seen()).isEqualTo(13);
        assertThat(spoolFiles()).isZero();
        assertThat(fetch(piped, imap())).isEqualTo(IntakeCounts.NONE);
    }

    @Test
    void theRetryRuleHoldsForParseAndStoreFailuresInsideOnePipelinedGroup() throws Exception {
        deliver(message("ann@acme.example", "Fine one", "<g1@acme.example>", "", "1"));
        deliver(message("ann@acme.example", "Unreadable", "<g2@acme.example>", "", "2"));
        deliver(message("ann@acme.example", "Spool hiccup", "<g3@acme.example>", "", "3"));
        deliver(message("ann@acme.example", "Store hiccup", "<g4@acme.example>", "", "4"));
        deliver(message("ann@acme.example", "Poison", "<g5@acme.example>", "", "5"));
        deliver(message("ann@acme.example", "Fine two", "<g6@acme.example>", "", "6"));
        MailParser real = new MailParser();
        AtomicInteger hiccups = new AtomicInteger();
        MailIntake piped = intake(file -> {
            String text = Files.readString(file);
            if (text.contains("Subject: Unreadable")) {
                throw new MailParseException("The parser could not read it.");
            }
            if (text.contains("Subject: Spool hiccup") && hiccups.getAndIncrement() == 0) {
                throw new IOException("the spool file could not be read this once");
            }
            return real.parse(file);
        }, MailIntake.Grouping.of(10));
        long base = uidOfFirst();
        AtomicInteger storeHiccups = new AtomicInteger();
        AtomicInteger poisonTries = new AtomicInteger();
        piped.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                if (uid == base + 3 && storeHiccups.getAndIncrement() == 0) {
                    throw new IllegalStateException("lock timeout");
                }
                if (uid == base + 4) {
                    poisonTries.incrementAndGet();
                    throw new IllegalStateException("always fails");
                }
            }
        };

        IntakeCounts counts = fetch(piped, imap());

        assertThat(counts.summary()).isEqualTo("fetched 6, new tickets 4, threaded 0, automated 0, quarantined 2, duplicates 0");
        assertThat(tickets()).extracting(Ticket::subject)
                .containsExactlyInAnyOrder("Fine one", "Spool hiccup", "Store hiccup", "Fine two");
        assertThat(hiccups).as("read again, alone").hasValue(2);
        assertThat(storeHiccups).as("failed in its group, then stored alone").hasValue(2);
        assertThat(poisonTries).as("in its group, then alone").hasValue(2);
        List<QuarantineEntry> kept = store.mailbox().quarantine(admin, false);
        assertThat(kept).extracting(QuarantineEntry::category)
                .containsExactlyInAnyOrder(QuarantineCategory.UNREADABLE, QuarantineCategory.UNREADABLE);
        assertThat(kept).extracting(QuarantineEntry::reason).anySatisfy(r -> assertThat(r).contains("could not read it"))
                .anySatisfy(r -> assertThat(r).startsWith("The message could not be imported (IllegalStateException)"));
        assertThat(store.mailbox().checkpoint(imap().account(), "INBOX").orElseThrow().lastUid()).isEqualTo(base + 5);
        assertThat(folder("INBOX").seen()).isEqualTo(6);
        assertThat(spoolFiles()).isZero();
    }

    /** The UID the next delivered-first message got (GreenMail numbers from 1 in a fresh folder). */
    private long uidOfFirst() throws Exception {
        try (ImapMailbox mailbox = ImapMailbox.open(imap(), GreenMailSupport.FAST, spool)) {
            List<FetchedMessage> first = mailbox.fetchSince(0, 1);
            first.forEach(FetchedMessage::close);
            return first.get(0).uid();
        }
    }

    @Test
    void whatIsReadAheadIsBoundedByTheGroupsMessageCount() throws Exception {
        deliverNumbered(30);
        MailIntake piped = intake(new MailParser()::parse, MailIntake.Grouping.of(5));
        AtomicInteger peakMessages = new AtomicInteger(-1);
        AtomicLong peakBytes = new AtomicLong(-1);
        piped.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                sleep(50); // a slow store: the reading side fills the hand-off and must wait
            }

            @Override
            public void pipelineEnded(int messages, long bytes) {
                peakMessages.set(messages);
                peakBytes.set(bytes);
            }
        };

        assertThat(fetch(piped, imap()).newTickets()).isEqualTo(30);

        assertThat(peakMessages).as("full, and never more than one group").hasValue(5);
        assertThat(peakBytes.get()).isPositive().isLessThanOrEqualTo(MailIntake.Grouping.DEFAULT.bytes());
    }

    @Test
    void whatIsReadAheadIsBoundedByTheGroupsBytes() throws Exception {
        String body = "x".repeat(60_000);
        for (int i = 1; i <= 50; i++) { // 60 KB each (read without a mark): at most 17 fit in 1 MB
            deliver(message("ann@acme.example", "Big " + i, "<b" + i + "@acme.example>", "", body));
        }
        MailIntake piped = intake(new MailParser()::parse, new MailIntake.Grouping(100, 1L << 20));
        AtomicLong peakBytes = new AtomicLong(-1);
        AtomicInteger peakMessages = new AtomicInteger(-1);
        piped.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                sleep(20);
            }

            @Override
            public void pipelineEnded(int messages, long bytes) {
                peakMessages.set(messages);
                peakBytes.set(bytes);
            }
        };

        assertThat(fetch(piped, imap()).newTickets()).isEqualTo(50);

        assertThat(peakBytes.get()).as("full, and never more than the group's bytes")
                .isGreaterThan((1L << 20) - 70_000).isLessThanOrEqualTo(1L << 20);
        assertThat(peakMessages.get()).isLessThanOrEqualTo(17);
    }

    @Test
    void aStopInTheMiddleOfThePipelineLosesNothingAndLeavesNoSpoolFiles() throws Exception {
        deliverNumbered(30);
        MailIntake piped = intake(new MailParser()::parse, MailIntake.Grouping.of(5));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger handed = new AtomicInteger();
        piped.hooks = new MailIntake.Hooks() {
            @Override
            public void handedOver(long uid) {
                if (handed.incrementAndGet() == 12) {
                    stop.set(true);
                }
            }
        };

        IntakeCounts first;
        try (ImapMailbox mailbox = ImapMailbox.open(imap(), GreenMailSupport.FAST, spool)) {
            first = piped.catchUp(mailbox, true, stop::get);
        }

        assertThat(first.fetched()).as("what was taken before the stop is committed").isBetween(7, 12);
        assertThat(tickets()).hasSize(first.fetched());
        assertThat(folder("INBOX").seen()).as("exactly what was committed is flagged").isEqualTo(first.fetched());
        assertThat(spoolFiles()).isZero();
        long checkpoint = store.mailbox().checkpoint(imap().account(), "INBOX").orElseThrow().lastUid();
        assertThat(checkpoint).isEqualTo(uidOfFirst() + first.fetched() - 1);

        IntakeCounts rest = fetch(new MailIntake(store), imap());

        assertThat(rest.summary()).isEqualTo("fetched " + (30 - first.fetched()) + ", new tickets " + (30 - first.fetched())
                + ", threaded 0, automated 0, quarantined 0, duplicates 0");
        assertThat(tickets()).hasSize(30);
        assertThat(folder("INBOX").seen()).isEqualTo(30);
    }

    @Test
    void anInterruptWhileWaitingForTheReaderEndsTheRoundWithNothingLost() throws Exception {
        deliverNumbered(30);
        MailParser real = new MailParser();
        AtomicReference<Thread> storing = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        MailIntake piped = intake(file -> {
            if (Files.readString(file).contains("Subject: Number 8\r") && interrupted.compareAndSet(false, true)) {
                // the storing thread holds 6 and 7 (not committed: the group is not full) and waits for this one
                awaitWaitingInTake(storing.get());
                storing.get().interrupt();
            }
            return real.parse(file);
        }, MailIntake.Grouping.of(5));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try (ImapMailbox mailbox = ImapMailbox.open(imap(), GreenMailSupport.FAST, spool)) {
                piped.catchUp(mailbox, true);
            } catch (Throwable e) {
                thrown.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "storing");
        storing.set(t);
        t.start();
        t.join(60_000);

        assertThat(thrown.get()).isInstanceOf(MailIntake.IntakeException.class).hasMessageContaining("interrupted");
        assertThat(((MailIntake.IntakeException) thrown.get()).partial().fetched()).isEqualTo(5);
        assertThat(stillInterrupted).as("the interrupt is kept for the caller").isTrue();
        assertThat(tickets()).extracting(Ticket::subject)
                .containsExactly("Number 1", "Number 2", "Number 3", "Number 4", "Number 5");
        assertThat(folder("INBOX").seen()).isEqualTo(5);
        assertThat(spoolFiles()).isZero();

        assertThat(fetch(new MailIntake(store), imap()).newTickets()).isEqualTo(25);
        assertThat(tickets()).hasSize(30);
    }

    private static void awaitWaitingInTake(Thread thread) {
        for (int i = 0; i < 1000; i++) {
            if (thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
                    .anyMatch(f -> f.getClassName().equals(ReadAhead.class.getName()) && f.getMethodName().equals("take"))) {
                return;
            }
            sleep(10);
        }
        throw new AssertionError("the storing thread never waited for the reader");
    }

    @Test
    void aMessageReadUnderAMarkIsReadWhileNothingElseIsAndStoredAlone() throws Exception {
        deliver(message("ann@acme.example", "Small before", "<m1@acme.example>", "", "1"));
        deliver(message("ann@acme.example", "Large", "<m2@acme.example>", "", "y".repeat(100_000)));
        deliver(message("ann@acme.example", "Small after", "<m3@acme.example>", "", "3"));
        MailIntake piped = intake(new MailParser()::parse, MailIntake.Grouping.of(10));
        long base = uidOfFirst();
        piped.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                events.add("store " + uid);
            }

            @Override
            public void handedOver(long uid) {
                events.add("read " + uid);
            }
        };

        assertThat(fetch(piped, imap()).newTickets()).isEqualTo(3);

        // the small one before it was stored first, and the next one was read only after the large one was stored
        assertThat(indexOf(events, "store " + base)).isLessThan(indexOf(events, "store " + (base + 1)));
        assertThat(indexOf(events, "store " + (base + 1))).isLessThan(indexOf(events, "read " + (base + 2)));
        assertThat(tickets()).extracting(Ticket::subject).containsExactly("Small before", "Large", "Small after");
    }

    @Test
    void anAcknowledgementIsSentOnlyAfterTheCommitOfItsTicketIsOnDisk() throws Exception {
        deliverNumbered(7);
        MailIntake piped = intake(new MailParser()::parse, MailIntake.Grouping.of(3));
        piped.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                events.add("store");
            }

            @Override
            public void synced() {
                events.add("sync");
            }
        };
        piped.onNewTicket((ticketId, mail) -> events.add("ack"));

        assertThat(fetch(piped, imap()).newTickets()).isEqualTo(7);

        assertThat(events).filteredOn("ack"::equals).hasSize(7);
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).equals("ack")) {
                String before = events.subList(0, i).stream().filter(e -> !e.equals("ack")).reduce((a, b) -> b).orElse("");
                assertThat(before).as("what happened before acknowledgement " + i + " in " + events).isEqualTo("sync");
            }
        }
    }

    @Test
    void theAcknowledgementsOfOneCommitReadTheSettingsOnce() throws Exception {
        for (String who : List.of("ann", "bob", "cy", "di")) {
            deliver(message(who + "@acme.example", "Help " + who, "<h-" + who + "@acme.example>", "", "please"));
        }
        MailSettings on = MailSettings.NONE.withSmtp(GreenMailSupport.smtp(GREENMAIL)).withAcknowledge(true);
        AtomicInteger reads = new AtomicInteger();
        ReplyService replies = new ReplyService(store, () -> {
            reads.incrementAndGet();
            return on;
        }, clock);
        MailIntake piped = intake(new MailParser()::parse, MailIntake.Grouping.of(10));
        piped.onNewTicket(replies.acknowledgements());

        assertThat(fetch(piped, imap()).newTickets()).isEqualTo(4);

        assertThat(reads).as("one reading of the settings for the commit's four tickets").hasValue(1);
        for (int i = 0; i < 200 && GREENMAIL.getReceivedMessagesForDomain("acme.example").length < 4; i++) {
            Thread.sleep(50);
        }
        assertThat(GREENMAIL.getReceivedMessagesForDomain("acme.example")).hasSize(4)
                .allSatisfy(m -> assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
