package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Ticket;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.MailboxRepository.QuarantineEntry;
import com.supportdesk.testing.ChildJvm;
import com.supportdesk.testing.HostileMail;
import com.supportdesk.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: one message can never stall or stop the intake. A message whose reading fails with an {@link Error},
 * runs past the read limit or ended the program last time is quarantined with a plain reason, and the mail after it
 * still becomes tickets — through the run loop the desktop and {@code ingest --watch} use.
 */
class HostileIntakeTest extends IntakeTestBase {

    /** The real parser, except for messages that carry an {@code X-Test} header naming what to do instead. */
    static MailIntake.Parser hostile(AtomicInteger readsOfDie) {
        MailParser real = new MailParser();
        return file -> {
            String raw = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (raw.contains("X-Test: oom")) {
                throw new OutOfMemoryError("Java heap space");
            }
            if (raw.contains("X-Test: deep")) {
                throw new StackOverflowError();
            }
            if (raw.contains("X-Test: slow")) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // a runaway loop that checks nothing
                }
            }
            if (raw.contains("X-Test: die")) {
                readsOfDie.incrementAndGet();
            }
            return real.parse(file);
        };
    }

    static String test(String what, String subject, String id) {
        return message("ann@acme.example", subject, id, "X-Test: " + what + "\n", "body of " + subject);
    }

    @Test
    void errorsAndRunawayReadsAreQuarantinedAndTheLoopLivesOn() throws Exception {
        intake = new MailIntake(store, hostile(new AtomicInteger()), clock, MailIntake.DEFAULT_BATCH);
        intake.readLimit(Duration.ofMillis(500));
        deliver(message("ann@acme.example", "First", "<h1@acme.example>", "", "one"));
        deliver(test("oom", "Out of memory", "<h2@acme.example>"));
        deliver(test("deep", "Too deep", "<h3@acme.example>"));
        deliver(test("slow", "Too slow", "<h4@acme.example>"));
        deliver(message("ann@acme.example", "Last", "<h5@acme.example>", "", "five"));

        List<IntakeService.Status> statuses = new CopyOnWriteArrayList<>();
        IntakeService service = new IntakeService(intake, this::imap, s -> ImapMailbox.open(s, GreenMailSupport.FAST, spool),
                IntakeService.Options.defaults(), d -> { }, clock, statuses::add);
        service.start();
        try {
            for (int i = 0; i < 400 && service.status().total().fetched() < 5; i++) {
                Thread.sleep(50);
            }
            assertThat(service.isRunning()).as("the intake thread lives on: %s", statuses).isTrue();
            assertThat(service.status().total().summary())
                    .isEqualTo("fetched 5, new tickets 2, threaded 0, automated 0, quarantined 3, duplicates 0");
        } finally {
            assertThat(service.stopAndWait(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(tickets()).extracting(Ticket::subject).containsExactly("First", "Last");
        assertThat(store.mailbox().quarantine(admin, QuarantineCategory.UNREADABLE, false))
                .extracting(QuarantineEntry::subject, QuarantineEntry::reason)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("Out of memory", "Reading the message needed more memory"
                                + " than the desk has. " + MailIntake.KEPT),
                        Tuple.tuple("Too deep", "The message is nested too deeply to be read. "
                                + MailIntake.KEPT),
                        Tuple.tuple("Too slow", "Reading the message took longer than 0.5 s. "
                                + MailIntake.KEPT));
        assertThat(folder("INBOX").seen()).as("all five are done on the server").isEqualTo(5);
    }

    /** The desktop's wiring ({@link MailChannel}) with messages that stalled the old intake for hours. */
    @Test
    void hostileMailFlowsThroughTheDesktopsChannel() throws Exception {
        for (byte[] raw : HostileMail.messages(GreenMailSupport.ADDRESS)) {
            GreenMailSupport.deliver(GREENMAIL, raw);
        }
        try (MailChannel mail = new MailChannel(store, clock)) {
            mail.settings().save(admin, MailSettings.NONE.withImap(imap()).withFetchInDesktop(true));
            List<IntakeService.Status> statuses = new CopyOnWriteArrayList<>();
            IntakeService service = mail.startIntake(statuses::add).orElseThrow();
            for (int i = 0; i < 1200 && service.status().total().fetched() < 5; i++) {
                Thread.sleep(50);
            }
            assertThat(service.isRunning()).as("%s", statuses).isTrue();
            assertThat(service.status().total().fetched()).as("%s", statuses).isEqualTo(5);
        }
        assertThat(tickets()).extracting(Ticket::subject).contains(HostileMail.LAST).hasSize(5);
        Ticket parts = tickets().stream().filter(t -> t.subject().equals("parts")).findFirst().orElseThrow();
        assertThat(detail(parts.id()).messages().get(0).body()).hasSizeLessThan(10_000);
        assertThat(store.history().history(admin, parts.id())).isNotEmpty();
    }

    /** Storing n attachments reads the raw message once, not once per attachment (400 of 20 KB took three minutes). */
    @Test
    void storingAMessagesAttachmentsIsLinear() {
        AtomicInteger copies = new AtomicInteger();
        String data = "x".repeat(20_000);
        Linearity.assertLinear("storing the attachments of one message", n -> {
            StringBuilder parts = new StringBuilder();
            for (int i = 0; i < n; i++) {
                parts.append("--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"f")
                        .append(i).append(".bin\"\n\n").append(data).append('\n');
            }
            return () -> {
                try {
                    IntakeOutcome o = ingest(RawMail.of(message("ann@acme.example", "many", "<many-" + copies.incrementAndGet()
                            + "@acme.example>", "Content-Type: multipart/mixed; boundary=b\n", parts + "--b--")).build());
                    assertThat(detail(o.ticketId()).messages().get(0).attachments()).hasSize(n);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
        }, 25);
    }

    @Test
    void theParsersOwnBudgetStopsASlowMessage() throws Exception {
        MailParser slow = new MailParser(ParserOptions.defaults().withTimeBudget(Duration.ofNanos(1)));
        intake = new MailIntake(store, slow::parse, clock, MailIntake.DEFAULT_BATCH);
        deliver(message("ann@acme.example", "Any", "<b1@acme.example>", "", "text"));
        assertThat(fetch().quarantined()).isEqualTo(1);
        assertThat(store.mailbox().quarantine(admin, QuarantineCategory.UNREADABLE, false)).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("Reading the message took longer than"));
    }

    /**
     * A message that ends the program while it is read (here: the child JVM halts, as an out-of-memory crash or a
     * kill would end it) is not read again after the restart: it is quarantined and the rest flows.
     */
    @Test
    void aMessageThatEndedTheProgramIsQuarantinedAfterTheRestart() throws Exception {
        deliver(message("ann@acme.example", "Before", "<d1@acme.example>", "", "one"));
        // (large enough to be read under a mark: smaller mail cannot hold enough to end the program)
        deliver(message("ann@acme.example", "Deadly", "<d2@acme.example>", "X-Test: die\n",
                "line of text\n".repeat((int) (MailIntake.MARK_FROM_BYTES / 10))));
        deliver(message("ann@acme.example", "After", "<d3@acme.example>", "", "three"));
        store.close();

        Process child = ChildJvm.start(DieWhileReading.class, data.toString(),
                "imap://" + GreenMailSupport.LOGIN + "@127.0.0.1:" + GREENMAIL.getImap().getPort() + "/INBOX",
                GreenMailSupport.PASSWORD, spool.toString());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("the child ended while reading the deadly message")
                .isEqualTo(DieWhileReading.DIED);

        store = TestStores.open(data, clock);
        assertThat(tickets()).extracting(Ticket::subject).containsExactly("Before");
        AtomicInteger reads = new AtomicInteger();
        intake = new MailIntake(store, hostile(reads), clock, MailIntake.DEFAULT_BATCH);
        IntakeCounts counts = fetch();

        assertThat(reads.get()).as("the deadly message is not read again").isZero();
        assertThat(counts.quarantined()).isEqualTo(1);
        assertThat(tickets()).extracting(Ticket::subject).containsExactly("Before", "After");
        assertThat(store.mailbox().quarantine(admin, QuarantineCategory.UNREADABLE, false)).singleElement()
                .satisfies(e -> {
                    assertThat(e.subject()).isEqualTo("Deadly");
                    assertThat(e.reason()).startsWith("Reading this message stopped the program before it was done");
                });
        assertThat(store.settings().byPrefix(ReadingMarks.PREFIX)).as("no mark is left behind").isEmpty();
    }

    /** The child of {@link #aMessageThatEndedTheProgramIsQuarantinedAfterTheRestart}: halts on the deadly message. */
    public static final class DieWhileReading {
        static final int DIED = 86;

        public static void main(String[] args) throws Exception {
            MailSystemProperties.install();
            var store = TestStores.open(Path.of(args[0]), Clock.systemUTC());
            MailParser real = new MailParser();
            MailIntake intake = new MailIntake(store, file -> {
                if (Files.readString(file, StandardCharsets.ISO_8859_1).contains("X-Test: die")) {
                    Runtime.getRuntime().halt(DIED);
                }
                return real.parse(file);
            }, Clock.systemUTC(), MailIntake.DEFAULT_BATCH);
            try (ImapMailbox mailbox = ImapMailbox.open(ImapSettings.fromUrl(args[1], TlsMode.NONE, args[2]),
                    GreenMailSupport.FAST, Path.of(args[3]))) {
                intake.catchUp(mailbox, true);
            }
            System.exit(0);
        }
    }
}
