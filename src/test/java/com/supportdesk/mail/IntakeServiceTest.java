package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run loop: IDLE, reconnect with back-off (injected sleeper: no real waiting), catch-up, stop, status lines. */
class IntakeServiceTest extends IntakeTestBase {

    private final BlockingQueue<IntakeService.Status> statuses = new LinkedBlockingQueue<>();
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private IntakeService service;

    private static final IntakeService.Options FAST = new IntakeService.Options(Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(60), true);

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            assertThat(service.stopAndWait(Duration.ofSeconds(10))).isTrue();
        }
    }

    private IntakeService start(IntakeService.MailboxOpener opener) {
        service = new IntakeService(intake, this::imap, opener, FAST, slept::add, clock, statuses::add);
        service.start();
        return service;
    }

    private IntakeService.MailboxOpener real() {
        return s -> ImapMailbox.open(s, GreenMailSupport.FAST, spool);
    }

    private IntakeService.Status await(Predicate<IntakeService.Status> what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            IntakeService.Status s = statuses.poll(200, TimeUnit.MILLISECONDS);
            if (s != null && what.test(s)) {
                return s;
            }
        }
        throw new AssertionError("no such status; last: " + (service == null ? null : service.status()));
    }

    @Test
    void fetchesAtOnceThenWaitsWithIdleAndStopsCleanly() throws Exception {
        deliver(message("ann@acme.example", "Before start", "<i1@acme.example>", "", "1"));
        start(real());

        assertThat(await(s -> s.state() == IntakeService.State.CONNECTED).text())
                .isEqualTo("connected to desk@127.0.0.1, folder INBOX (waiting with IMAP IDLE)");
        IntakeService.Status fetched = await(s -> s.state() == IntakeService.State.FETCHED);
        assertThat(fetched.text()).isEqualTo("fetched 1: new tickets 1, threaded 0, automated 0, quarantined 0, duplicates 0");

        Thread.sleep(1_000); // into IDLE: GreenMail announces only mail that arrives during IDLE
        long before = System.nanoTime();
        deliver(message("ann@acme.example", "While idle", "<i2@acme.example>", "", "2"));
        await(s -> s.state() == IntakeService.State.FETCHED);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("IDLE wakes the loop").isLessThan(Duration.ofSeconds(15));
        assertThat(tickets()).hasSize(2);
        assertThat(service.status().total().newTickets()).isEqualTo(2);

        assertThat(service.stopAndWait(Duration.ofSeconds(10))).isTrue();
        assertThat(await(s -> s.state() == IntakeService.State.STOPPED).text()).isEqualTo("stopped");
        assertThat(slept).isEmpty();
        service = null;
    }

    @Test
    void withoutIdleItPollsAtTheInterval() throws Exception {
        service = new IntakeService(intake, this::imap, real(), FAST.withoutIdle(), slept::add, clock, statuses::add);
        service.start();
        assertThat(await(s -> s.state() == IntakeService.State.CONNECTED).text())
                .isEqualTo("connected to desk@127.0.0.1, folder INBOX (checking every 1 s)");
        deliver(message("ann@acme.example", "Polled", "<pl1@acme.example>", "", "x"));
        await(s -> s.state() == IntakeService.State.FETCHED);
        assertThat(tickets()).extracting(t -> t.subject()).containsExactly("Polled");
        assertThat(service.stopAndWait(Duration.ofSeconds(5))).isTrue();
        service = null;
    }

    @Test
    void reconnectsWithDoublingBackOffAndCatchesUpWhatArrivedMeanwhile() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        start(s -> {
            if (attempts.incrementAndGet() <= 4) {
                throw new MailConnectionException(MailProblem.CONNECTION_REFUSED, "The mail server 127.0.0.1 refused"
                        + " the connection on port " + s.port() + ".", null);
            }
            return ImapMailbox.open(s, GreenMailSupport.FAST, spool);
        });
        assertThat(await(s -> s.state() == IntakeService.State.ERROR).text()).startsWith("error: The mail server 127.0.0.1 refused");
        deliver(message("ann@acme.example", "During the outage", "<o1@acme.example>", "", "x"));

        await(s -> s.state() == IntakeService.State.FETCHED);
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16));
        assertThat(tickets()).hasSize(1);
    }

    @Test
    void aRejectedPasswordWaitsTheLongestBackOffAtOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        start(s -> {
            if (attempts.incrementAndGet() == 1) {
                ImapSettings wrong = new ImapSettings(s.host(), s.port(), s.tls(), s.user(), "wrong", s.folder(),
                        s.afterImport(), s.moveToFolder());
                return ImapMailbox.open(wrong, GreenMailSupport.FAST, spool);
            }
            return ImapMailbox.open(s, GreenMailSupport.FAST, spool);
        });
        assertThat(await(s -> s.state() == IntakeService.State.ERROR).text())
                .isEqualTo("error: The mail server rejected the user name or password for desk@127.0.0.1.");
        await(s -> s.state() == IntakeService.State.CONNECTED);
        assertThat(slept).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void aLostConnectionIsReopenedAndCaughtUp() throws Exception {
        AtomicReference<ImapMailbox> opened = new AtomicReference<>();
        start(s -> {
            ImapMailbox m = ImapMailbox.open(s, GreenMailSupport.FAST, spool);
            opened.set(m);
            return m;
        });
        await(s -> s.state() == IntakeService.State.CONNECTED);
        ImapMailbox first = opened.get();
        first.close(); // the server dropped us while we were idle

        IntakeService.Status error = await(s -> s.state() == IntakeService.State.ERROR);
        assertThat(error.text()).contains("was lost");
        deliver(message("ann@acme.example", "After the drop", "<l1@acme.example>", "", "x"));
        await(s -> s.state() == IntakeService.State.FETCHED);
        assertThat(opened.get()).isNotSameAs(first);
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
        assertThat(tickets()).hasSize(1);
    }

    @Test
    void withoutAnAccountItSaysSoAndStillStops() throws Exception {
        service = new IntakeService(intake, () -> null, real(), FAST, slept::add, clock, statuses::add);
        service.start();
        assertThat(await(s -> s.state() == IntakeService.State.ERROR).text())
                .isEqualTo("error: no IMAP account is set up; an admin enters it under Mail settings.");
    }
}
