package com.supportdesk.mail;

import com.supportdesk.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake's run loop: connect, catch up by UID range (leftovers first), then wait with IMAP IDLE when the
 * server offers it (else poll), catch up again, and so on. A failure closes the connection; the loop reconnects
 * after a back-off that doubles up to a maximum (a rejected password waits the maximum at once) and catches up
 * again from the committed checkpoint. {@link #stop()} ends it from any thread within about a second.
 *
 * <p>Every change of state goes to the {@link Listener} (for the status bar or the gateway's output) as a plain
 * line: {@code connected to desk@mail.example, folder INBOX}, {@code fetched 3: new tickets 1, …},
 * {@code error: <one sentence>}. Log lines carry the account, UIDs and counts — never a password, subject, body
 * or address from a message.
 */
public final class IntakeService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    public enum State { CONNECTING, CONNECTED, FETCHED, ERROR, STOPPED }

    /**
     * One status report.
     *
     * @param text      the plain line to show
     * @param lastRound counts of the round just finished (FETCHED), else {@link IntakeCounts#NONE}
     * @param total     counts since {@link #start()}
     */
    public record Status(State state, String text, Instant at, IntakeCounts lastRound, IntakeCounts total) {
    }

    /** Receives status reports on the intake's thread; hand them to the UI thread yourself. Must not block. */
    @FunctionalInterface
    public interface Listener {
        void status(Status status);

        /** After an error: the loop waits {@code wait} before it tries again (the gateway says so). */
        default void retrying(Duration wait) {
        }

        /** After every commit of a round that had mail waiting: how far it has got (count, rate, time left). */
        default void progress(IntakeProgress progress) {
        }
    }

    /** The status line while the saved OAuth sign-in is revoked or expired (the status bar shows it after "Mail: "). */
    public static final String SIGN_IN_EXPIRED = "sign-in expired \u2014 Admin \u2192 Mail settings";

    /** Waits between reconnects; tests pass one that returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Opens the mailbox (tests may fail it on purpose). */
    @FunctionalInterface
    public interface MailboxOpener {
        ImapMailbox open(ImapSettings settings) throws MailConnectionException;
    }

    /**
     * Timing.
     *
     * @param idleMax        longest IMAP IDLE before a catch-up and a new IDLE. Short on purpose: not every server
     *                       announces mail that arrived in the instant between the last check and the IDLE command
     *                       (GreenMail does not), and such a message waits at most this long
     * @param pollInterval   wait between checks when the server has no IDLE
     * @param initialBackoff first wait after a failure; doubles per failure in a row
     * @param maxBackoff     longest wait after a failure (also after a rejected password)
     * @param useIdle        use IMAP IDLE when the server offers it; false polls every {@code pollInterval} (for a
     *                       server whose IDLE misbehaves)
     */
    public record Options(Duration idleMax, Duration pollInterval, Duration initialBackoff, Duration maxBackoff,
                          boolean useIdle) {
        public static Options defaults() {
            return new Options(Duration.ofMinutes(2), Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(5),
                    true);
        }

        public Options withoutIdle() {
            return new Options(idleMax, pollInterval, initialBackoff, maxBackoff, false);
        }
    }

    private final MailIntake intake;
    private final Supplier<ImapSettings> settings;
    private final MailboxOpener opener;
    private final Options options;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Listener listener;
    private final Object sleepLock = new Object();
    private volatile boolean running;
    private volatile ImapMailbox current;
    private volatile Status status;
    private IntakeCounts total = IntakeCounts.NONE;
    private Thread thread;

    /**
     * @param settings read before every connect, so saved changes apply at the next reconnect; null means no
     *                 account is set up (the loop waits and asks again)
     */
    public IntakeService(MailIntake intake, Supplier<ImapSettings> settings, Path spoolDir, Listener listener) {
        this(intake, settings, s -> ImapMailbox.open(s, MailTimeouts.defaults(), spoolDir), Options.defaults(), null,
                Clock.systemUTC(), listener);
    }

    /** @param sleeper null for the real one (which {@link #stop()} interrupts) */
    public IntakeService(MailIntake intake, Supplier<ImapSettings> settings, MailboxOpener opener, Options options,
                         Sleeper sleeper, Clock clock, Listener listener) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.options = Objects.requireNonNull(options, "options");
        this.sleeper = sleeper != null ? sleeper : this::sleepUnlessStopped;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = listener == null ? s -> { } : listener;
        this.status = new Status(State.STOPPED, "not started", clock.instant(), IntakeCounts.NONE, IntakeCounts.NONE);
    }

    /** Starts the loop on its own (daemon) thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "mail-intake");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the loop: a running IDLE or wait ends at once, a message being stored finishes its transaction. */
    public void stop() {
        running = false;
        synchronized (sleepLock) {
            sleepLock.notifyAll();
        }
        ImapMailbox mailbox = current;
        if (mailbox != null) {
            mailbox.wakeUp();
        }
    }

    /** {@link #stop()} and wait for the loop to end. Returns false if it had not ended after {@code max}. */
    public boolean stopAndWait(Duration max) throws InterruptedException {
        stop();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return true;
        }
        t.join(Math.max(1, max.toMillis()));
        return !t.isAlive();
    }

    /** Ends an IDLE or poll wait now, so new mail is fetched at once (e.g. a "Fetch now" button). */
    public void fetchNow() {
        ImapMailbox mailbox = current;
        if (mailbox != null) {
            mailbox.wakeUp();
        }
    }

    public boolean isRunning() {
        return running;
    }

    public Status status() {
        return status;
    }

    @Override
    public void close() {
        try {
            stopAndWait(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        Duration backoff = options.initialBackoff();
        try {
            while (running) {
                ImapSettings s = settings.get();
                if (s == null) {
                    publish(State.ERROR, "error: no IMAP account is set up; an admin enters it under Mail settings.",
                            IntakeCounts.NONE);
                    sleeper.sleep(options.maxBackoff());
                    continue;
                }
                Duration wait;
                try {
                    runConnected(s);
                    continue; // stopped, or the server closed the connection cleanly
                } catch (MailConnectionException e) {
                    if (e.problem() == MailProblem.SIGN_IN_EXPIRED) {
                        LOG.warn("Mail intake: {}", e.getMessage());
                        publish(State.ERROR, SIGN_IN_EXPIRED, IntakeCounts.NONE);
                    } else {
                        publish(State.ERROR, "error: " + e.getMessage(), IntakeCounts.NONE);
                    }
                    wait = e.problem() == MailProblem.AUTHENTICATION ? options.maxBackoff() : backoff;
                } catch (MailIntake.IntakeException e) {
                    total = total.plus(e.partial());
                    publish(State.ERROR, "error: " + e.getMessage(), IntakeCounts.NONE);
                    wait = backoff;
                } catch (IOException e) {
                    publish(State.ERROR, "error: the downloaded mail could not be written to the temporary folder ("
                            + e.getClass().getSimpleName() + ").", IntakeCounts.NONE);
                    wait = backoff;
                } catch (RuntimeException e) {
                    publish(State.ERROR, "error: " + runtimeProblem(e), IntakeCounts.NONE);
                    wait = backoff;
                } catch (Error e) {
                    // e.g. out of memory: the loop lives on (a message that causes it while it is stored is tried
                    // without its group, then alone, then quarantined, see MailIntake), and tries again after the back-off
                    publish(State.ERROR, "error: the mail intake failed (" + e.getClass().getSimpleName()
                            + "); it tries again.", IntakeCounts.NONE);
                    wait = backoff;
                }
                if (running) {
                    LOG.info("Mail intake reconnects in {} s", wait.toSeconds());
                    try {
                        listener.retrying(wait);
                    } catch (RuntimeException e) {
                        LOG.warn("Mail intake status listener failed: {}", e.getClass().getSimpleName());
                    }
                    sleeper.sleep(wait);
                    backoff = min(backoff.multipliedBy(2), options.maxBackoff());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            publish(State.STOPPED, "stopped", IntakeCounts.NONE);
        }
    }

    /** One connection: catch up, wait, catch up… until stopped or something fails. */
    private void runConnected(ImapSettings s) throws MailConnectionException, MailIntake.IntakeException, IOException {
        publish(State.CONNECTING, "connecting to " + s.account() + " on port " + s.port(), IntakeCounts.NONE);
        try (ImapMailbox mailbox = opener.open(s)) {
            current = mailbox;
            if (!running) {
                return;
            }
            boolean idle = options.useIdle() && mailbox.supportsIdle();
            publish(State.CONNECTED, "connected to " + s.account() + ", folder " + s.folder()
                    + (idle ? " (waiting with IMAP IDLE)" : " (checking every " + options.pollInterval().toSeconds() + " s)"),
                    IntakeCounts.NONE);
            boolean first = true;
            while (running) {
                IntakeCounts round;
                try {
                    round = intake.catchUp(mailbox, first, () -> !running, listener::progress);
                } catch (RuntimeException e) {
                    throw lostIfGone(s, mailbox, e);
                }
                first = false;
                if (round.fetched() > 0) {
                    total = total.plus(round);
                    publish(State.FETCHED, "fetched " + round.fetched() + ": " + round.summary()
                            .substring(round.summary().indexOf(", ") + 2), round);
                }
                if (!running) {
                    return;
                }
                Instant renewBy = mailbox.renewBy();
                if (renewBy != null && !clock.instant().isBefore(renewBy)) {
                    LOG.info("Mail intake: the access token for {} is due for renewal; reconnecting", s.account());
                    return;
                }
                try {
                    if (idle) {
                        mailbox.idle(untilRenewal(options.idleMax(), renewBy));
                    } else {
                        mailbox.poll(untilRenewal(options.pollInterval(), renewBy));
                    }
                } catch (RuntimeException e) {
                    throw lostIfGone(s, mailbox, e);
                }
                if (running && !mailbox.isConnected()) {
                    throw lost(s, null);
                }
            }
        } finally {
            current = null;
        }
    }

    /** {@code wait}, or less when the login's access token is due for renewal before then (at least 100 ms). */
    private Duration untilRenewal(Duration wait, Instant renewBy) {
        if (renewBy == null) {
            return wait;
        }
        Duration left = Duration.between(clock.instant(), renewBy);
        Duration shortest = Duration.ofMillis(100);
        return min(wait, left.compareTo(shortest) < 0 ? shortest : left);
    }

    /**
     * A failure while connected, as the loop reports it: "was lost" when the connection went away under it (Jakarta
     * Mail then says "folder is not open", an IllegalStateException) or the intake is stopping, else {@code e} itself.
     */
    private RuntimeException lostIfGone(ImapSettings s, ImapMailbox mailbox, RuntimeException e)
            throws MailConnectionException {
        if (!running || !mailbox.isConnected()) {
            throw lost(s, e);
        }
        return e;
    }

    private static MailConnectionException lost(ImapSettings s, Throwable cause) {
        return new MailConnectionException(MailProblem.CONNECTION_LOST, "The connection to the mail server " + s.host()
                + ":" + s.port() + " was lost.", cause);
    }

    private void publish(State state, String text, IntakeCounts round) {
        Status s = new Status(state, text, clock.instant(), round, total);
        status = s;
        if (state == State.ERROR) {
            LOG.warn("Mail intake: {}", text);
        } else {
            LOG.info("Mail intake: {}", text);
        }
        try {
            listener.status(s);
        } catch (RuntimeException e) {
            LOG.warn("Mail intake status listener failed: {}", e.getClass().getSimpleName());
        }
    }

    private static String runtimeProblem(RuntimeException e) {
        if (e instanceof StoreException.Unreachable) {
            return e.getMessage();
        }
        return "the mail could not be stored (" + MailIntake.plain(e) + "); it stays on the server and is tried again.";
    }

    private void sleepUnlessStopped(Duration d) throws InterruptedException {
        long until = System.nanoTime() + d.toNanos();
        synchronized (sleepLock) {
            for (long left = d.toNanos(); running && left > 0; left = until - System.nanoTime()) {
                sleepLock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
