package com.supportdesk.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.Conversation;
import com.supportdesk.store.MailboxRepository.Checkpoint;
import com.supportdesk.store.MailboxRepository.NewQuarantine;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.MailboxRepository.StoredMail;
import com.supportdesk.store.MailboxRepository;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.store.TicketChanges;
import com.supportdesk.store.Tx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns fetched mail into tickets (docs/mail.md). Messages are stored in groups (see {@link Grouping}): a group's
 * messages — each one's raw source and what it became (a new ticket, a message on an existing ticket, a bounce on the
 * ticket it bounced from, an automated-log or quarantine entry) — and the folder's checkpoint (UIDVALIDITY, last UID)
 * commit in ONE transaction. Messages are flagged or moved on the server only after their commit, so a crash can only
 * cause a re-fetch, which the dedupe absorbs: a Message-ID already stored with the same raw bytes is a duplicate and
 * changes nothing. A message that fails inside a group neither loses nor delays the others: the group is stored again
 * without it, then it is tried alone, then it goes to the quarantine with its raw source.
 *
 * <ul>
 *   <li><b>Threading</b>: the subject tag {@code [SD-n]} of an existing ticket, else In-Reply-To/References
 *       against every Message-ID the desk sent or received; never the subject alone. A resolved or closed
 *       ticket is reopened; a ticket waiting on the customer becomes open again.</li>
 *   <li><b>New ticket</b>: received = the server's INTERNALDATE; contact by From (unknown senders become
 *       unverified contacts), customer from the contact; severity from a clear marking in the subject, else
 *       S3 with "needs triage"; the OFFICIAL-SENSITIVE marking sets the classification (and the store redirects
 *       the ticket to a cleared agent).</li>
 *   <li><b>Automated mail</b> never opens a ticket and never gets a reply. A bounce is attached to the ticket
 *       whose message bounced (kind BOUNCE, history BOUNCE_RECEIVED); an auto-reply or list mail that answers
 *       a ticket is attached to it without reopening it; everything else (and mail loops) is kept, with its raw
 *       source, in the automated-mail log, where an admin can still "make ticket anyway": a person's mail taken
 *       for a machine's is never lost.</li>
 *   <li><b>Unreadable mail</b> ({@link MailParseException}) goes to the quarantine with its raw source and the
 *       reason.</li>
 *   <li><b>Dedupe</b>: the Message-ID (synthesized from the raw bytes' SHA-256 when missing) is unique in the
 *       store. A different message reusing a stored Message-ID (same id, other bytes) is not dropped: it is
 *       stored under an id made from its own digest.</li>
 * </ul>
 *
 * <p>Logs name UIDs, refs and counts only — never a subject, body or address.
 */
public final class MailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

    /** Messages fetched per IMAP round trip group and committed together, by default ({@link Grouping#DEFAULT}). */
    public static final int DEFAULT_BATCH = 200;
    /** Instants the response clock can compute with; an INTERNALDATE outside is replaced by "now". */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    static final int MAX_EMAIL_LENGTH = 320;
    static final int MAX_NAME_LENGTH = 200;
    /**
     * Longest a message may take to read before the intake gives up on it and keeps it in the quarantine. The
     * parser stops itself at its own budget ({@link ParserOptions#timeBudget()}); this is the backstop for code that
     * does not look at that budget.
     */
    static final Duration DEFAULT_READ_LIMIT = Duration.ofSeconds(60);
    /** Messages at least this large are read under a mark (see {@link ReadingMarks}). */
    static final long MARK_FROM_BYTES = 64 * 1024;
    /** Said of a message the intake gave up on. */
    static final String KEPT = "It was kept here so the rest of the mailbox could be read; retry it once the cause is fixed.";
    /** Stack of the thread that reads a message (deep structures recurse in the libraries). */
    private static final long READER_STACK = 16L * 1024 * 1024;
    /** How often a reading the round no longer wants is checked for (see {@link #read(Callable, BooleanSupplier)}). */
    private static final long ABANDON_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * How many messages commit together, and how much raw source a group may hold: the group ends at whichever comes
     * first. The messages of a group are read (parsed) before its commit and held until then, and at most as much
     * again is read ahead of it ({@link ReadAhead}), so {@code bytes} bounds the intake's memory (about six times
     * {@code bytes} at most: two groups of raw size plus the text and small attachments read from it), whatever the
     * mailbox holds. A message of {@link #MARK_FROM_BYTES} or more commits alone.
     *
     * @param messages 1 to {@value #MAX_MESSAGES}; also the number of messages fetched per IMAP round trip group
     * @param bytes    raw bytes of one group, 1 MiB to 512 MiB
     */
    public record Grouping(int messages, long bytes) {
        public static final int MAX_MESSAGES = 1000;
        public static final long MIN_BYTES = 1L << 20;
        public static final long MAX_BYTES = 512L << 20;
        public static final Grouping DEFAULT = new Grouping(DEFAULT_BATCH, 16L << 20);

        public Grouping {
            if (messages < 1 || messages > MAX_MESSAGES) {
                throw new IllegalArgumentException("A group holds 1 to " + MAX_MESSAGES + " messages, not " + messages + ".");
            }
            if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
                throw new IllegalArgumentException("A group may hold 1 to " + (MAX_BYTES >> 20) + " MB of mail, not "
                        + (bytes >> 20) + " MB.");
            }
        }

        /** {@code messages} per group with the default memory bound. */
        public static Grouping of(int messages) {
            return new Grouping(messages, DEFAULT.bytes());
        }
    }

    /** Parses one raw message: a file, or (most mail fetched from IMAP) bytes in memory. */
    @FunctionalInterface
    public interface Parser {
        ParsedMail parse(Path rawMessage) throws MailParseException, IOException;

        /**
         * A message held in memory. This default (for parsers that read only files, such as tests' stand-ins) writes
         * it to an owner-only temporary file first; {@link #of(MailParser)} parses it where it is.
         */
        default ParsedMail parse(byte[] rawMessage) throws MailParseException, IOException {
            Path file = Files.createTempFile("supportdesk-parse-", ".eml");
            try {
                Files.write(file, rawMessage);
                return parse(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }

        /** The intake's parser: files and bytes in memory both go to {@code parser} as they are. */
        static Parser of(MailParser parser) {
            return new Parser() {
                @Override
                public ParsedMail parse(Path rawMessage) throws MailParseException, IOException {
                    return parser.parse(rawMessage);
                }

                @Override
                public ParsedMail parse(byte[] rawMessage) throws MailParseException {
                    return parser.parse(rawMessage);
                }
            };
        }
    }

    /**
     * Told about every ticket the intake opened, once its commit is on disk (e.g. to acknowledge it: never for a ticket
     * a crash could still take back). Must not throw.
     */
    @FunctionalInterface
    public interface NewTicketListener {
        void opened(long ticketId, ParsedMail mail);

        /** The tickets one disk sync made safe, in order, at once (e.g. to read the settings once); by default one by one. */
        default void openedAll(List<NewTicketOpened> opened) {
            for (NewTicketOpened o : opened) {
                try {
                    opened(o.ticketId(), o.mail());
                } catch (RuntimeException e) {
                    LOG.warn("After opening {}: {}", Ticket.ref(o.ticketId()), e.getClass().getSimpleName());
                }
            }
        }
    }

    /** A ticket the intake opened from {@code mail}. */
    public record NewTicketOpened(long ticketId, ParsedMail mail) {
    }

    /** Told where each message ended, after its commit (the UID is null for a raw or retried message). */
    @FunctionalInterface
    public interface OutcomeListener {
        void stored(Long uid, IntakeOutcome outcome);
    }

    /** Places a test can make the intake fail, to show that nothing is lost. */
    interface Hooks {
        Hooks NONE = new Hooks() {
        };

        /** Inside the message's (group's) transaction, after everything of the message was written, before the commit. */
        default void beforeCommit(Long uid) {
        }

        /** After commits (and their disk sync), before their messages are flagged or moved on the server. */
        default void beforeMarkProcessed(List<Long> uids) {
        }

        /** Commits were just forced to disk ({@code Database.sync()}). */
        default void synced() {
        }

        /** On the pipeline's reading thread: a message was read and handed over to be stored. */
        default void handedOver(long uid) {
        }

        /** The pipeline of a round ended: the most messages and raw bytes that waited in its hand-off at one time. */
        default void pipelineEnded(int peakMessages, long peakBytes) {
        }
    }

    /** A round that stopped at a message it could not store. What was committed before it stays committed. */
    public static final class IntakeException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient IntakeCounts partial;

        IntakeException(String message, IntakeCounts partial, Throwable cause) {
            super(message, cause);
            this.partial = partial;
        }

        /** What the round did before it stopped. */
        public IntakeCounts partial() {
            return partial;
        }
    }

    /**
     * Where a raw message comes from and what to commit with it: its raw source in {@code file}, or in memory in
     * {@code bytes} (a small message fetched from IMAP; file null then); {@code sha256} is the raw source's digest when
     * it was computed as it arrived (null: read the source for it).
     */
    record Source(Path file, long size, Instant internalDate, String account, String folder, Long uid,
                  Checkpoint checkpointAfter, Long retriedQuarantineId, String sha256, byte[] bytes) {

        Source(Path file, long size, Instant internalDate, String account, String folder, Long uid,
               Checkpoint checkpointAfter, Long retriedQuarantineId) {
            this(file, size, internalDate, account, folder, uid, checkpointAfter, retriedQuarantineId, null, null);
        }

        /** The digest of the raw source, in hex. */
        String digest() throws IOException {
            if (sha256 != null) {
                return sha256;
            }
            try (InputStream in = open()) {
                return MailIntake.sha256(in);
            }
        }

        /** Reads the raw source from the start. */
        InputStream open() throws IOException {
            return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
        }
    }

    private final Store store;
    private final Parser parser;
    private final Clock clock;
    private final Grouping grouping;
    private final ExecutorService readers = readerThreads();
    private volatile NewTicketListener newTicketListener = (id, mail) -> { };
    private volatile OutcomeListener outcomeListener = (uid, outcome) -> { };
    private final ReadingMarks marks;
    private volatile Duration readLimit = DEFAULT_READ_LIMIT;
    Hooks hooks = Hooks.NONE;

    public MailIntake(Store store) {
        this(store, Parser.of(new MailParser()), store.database().clock(), DEFAULT_BATCH);
    }

    /** @param batchSize messages per group (with the default memory bound, see {@link Grouping}) */
    public MailIntake(Store store, Parser parser, Clock clock, int batchSize) {
        this(store, parser, clock, Grouping.of(batchSize));
    }

    public MailIntake(Store store, Parser parser, Clock clock, Grouping grouping) {
        this.store = Objects.requireNonNull(store, "store");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.marks = new ReadingMarks(store.settings(), clock, DEFAULT_READ_LIMIT.multipliedBy(2));
    }

    /** How messages are grouped into transactions. */
    public Grouping grouping() {
        return grouping;
    }

    /** Sets how long a message may take to read (tests use a short one). */
    void readLimit(Duration limit) {
        this.readLimit = Objects.requireNonNull(limit, "limit");
    }

    /** Sets who is told about new tickets (the acknowledgement sender); replaces the previous listener. */
    public void onNewTicket(NewTicketListener listener) {
        this.newTicketListener = listener == null ? (id, mail) -> { } : listener;
    }

    /** Sets who is told where each message ended; replaces the previous listener. */
    public void onOutcome(OutcomeListener listener) {
        this.outcomeListener = listener == null ? (uid, outcome) -> { } : listener;
    }

    // ------------------------------------------------------------------------------------------ IMAP rounds

    /**
     * Imports everything in the folder that the checkpoint does not cover yet, in UID order, a group of messages per
     * transaction (see {@link Grouping}), flagging or moving the messages of each fetch after their commit. With
     * {@code leftovers} (do this once after every connect) it first re-fetches messages the checkpoint covers but that
     * were never flagged or moved (the last run stopped between commit and flag); the dedupe turns them into
     * duplicates and they are flagged now. When the folder's UIDVALIDITY differs from the checkpoint's, the whole
     * folder is read again from UID 0.
     *
     * @throws IntakeException the store could not be written (the database is unreachable or its disk is full, or a
     *                         message could not even be kept in the quarantine): the message and everything after
     *                         it stay on the server unflagged, the checkpoint stays before it, and the next round
     *                         tries again
     */
    public IntakeCounts catchUp(ImapMailbox mailbox, boolean leftovers)
            throws MailConnectionException, IOException, IntakeException {
        return catchUp(mailbox, leftovers, () -> false);
    }

    /**
     * {@link #catchUp(ImapMailbox, boolean)} that stops early, between two messages, once {@code stopRequested}
     * says so; what was read is committed and flagged as usual and the rest is left for the next round. It is asked
     * from the thread that reads ahead too, so it must be safe to call from any thread (e.g. read a volatile field).
     */
    public IntakeCounts catchUp(ImapMailbox mailbox, boolean leftovers, BooleanSupplier stopRequested)
            throws MailConnectionException, IOException, IntakeException {
        return catchUp(mailbox, leftovers, stopRequested, p -> { });
    }

    /**
     * {@link #catchUp(ImapMailbox, boolean, BooleanSupplier)} that reports its progress after every
     * commit (on this thread; the listener must not block): how many new messages are stored of how many were
     * waiting above the checkpoint when the round began, and how fast.
     */
    public IntakeCounts catchUp(ImapMailbox mailbox, boolean leftovers, BooleanSupplier stopRequested,
                                IntakeProgress.Listener progress)
            throws MailConnectionException, IOException, IntakeException {
        ImapSettings s = mailbox.settings();
        String account = s.account();
        String folder = s.folder();
        long validity = mailbox.uidValidity();
        Optional<Checkpoint> saved = store.mailbox().checkpoint(account, folder);
        long lastUid = 0;
        if (saved.isPresent() && saved.get().uidValidity() == validity) {
            lastUid = saved.get().lastUid();
        } else if (saved.isPresent()) {
            LOG.warn("UIDVALIDITY of {} folder {} changed from {} to {}: reading the whole folder again; messages"
                    + " already imported are recognised by their Message-ID", account, folder,
                    saved.get().uidValidity(), validity);
        }
        Round round = new Round(mailbox, validity, stopRequested, IntakeProgress.Listener.NONE);
        if (leftovers && lastUid > 0) {
            Set<Long> tried = new HashSet<>();
            for (List<FetchedMessage> batch = mailbox.fetchLeftovers(lastUid, grouping.messages()); !batch.isEmpty();
                 batch = mailbox.fetchLeftovers(lastUid, grouping.messages())) {
                List<FetchedMessage> fresh = new ArrayList<>();
                for (FetchedMessage f : batch) {
                    if (tried.add(f.uid())) {
                        fresh.add(f);
                    } else {
                        f.close();
                    }
                }
                if (fresh.isEmpty()) {
                    break; // the server keeps them unflagged; do not loop on them
                }
                LOG.info("{} folder {}: {} message(s) up to UID {} were imported but not flagged; checking them again",
                        account, folder, fresh.size(), lastUid);
                round.process(fresh, false);
                if (stopRequested.getAsBoolean()) {
                    return round.counts;
                }
            }
        }
        int waiting = mailbox.countAbove(lastUid);
        round.progress = waiting > 0 ? progress : IntakeProgress.Listener.NONE;
        round.tracker = new IntakeProgress.Tracker(waiting, System.nanoTime());
        round.readAhead(lastUid);
        return round.counts;
    }

    /** Where the next message to store comes from: null at the end. */
    @FunctionalInterface
    private interface Next {
        Member get() throws InterruptedException;
    }

    /**
     * One catch-up: its counts so far, where it reports progress, and what was committed but not yet flagged.
     *
     * <p>New mail flows through a pipeline of two threads: one (a task on the intake's reader threads) fetches the
     * messages from the server into spool files, reads (parses) each and hands it over through a {@link ReadAhead},
     * which holds at most one group's worth ({@link Grouping}) of messages; the caller's thread takes them in UID order
     * and stores them in groups exactly as without the pipeline. Everything said to the server (fetching, flagging,
     * moving) happens on the reading thread while it runs, and on the caller's thread after it ended, so the IMAP
     * connection is used by one thread at a time. A message read under a mark ({@link #marked}) is read by the
     * storing thread, after everything before it is committed, while the reading thread waits.
     */
    private final class Round {
        final ImapMailbox mailbox;
        final long validity;
        final BooleanSupplier stopRequested;
        IntakeProgress.Listener progress;
        IntakeProgress.Tracker tracker = new IntakeProgress.Tracker(0, System.nanoTime());
        IntakeCounts counts = IntakeCounts.NONE;
        /** Committed, not yet forced to disk (storing thread only). */
        private final List<Long> unsynced = new ArrayList<>();
        /** New tickets to tell the listener about once their commit is on disk (storing thread only). */
        private final List<NewTicketOpened> announcements = new ArrayList<>();
        /** Committed and on disk, to be flagged or moved on the server (either thread; guarded by itself). */
        private final List<Long> toFlag = new ArrayList<>();

        Round(ImapMailbox mailbox, long validity, BooleanSupplier stopRequested,
              IntakeProgress.Listener progress) {
            this.mailbox = mailbox;
            this.validity = validity;
            this.stopRequested = stopRequested;
            this.progress = progress;
        }

        /**
         * Ingests one fetch in groups, reading each message on this thread (the leftovers after a connect), and flags
         * or moves what was committed, also when a later group fails. Closes (deletes) every spool file of the fetch.
         */
        void process(List<FetchedMessage> batch, boolean moveCheckpoint) throws MailConnectionException, IntakeException {
            Iterator<FetchedMessage> next = batch.iterator();
            IntakeException failure;
            try {
                failure = store(() -> next.hasNext() ? member(next.next(), moveCheckpoint, () -> false) : null, null);
            } finally {
                batch.forEach(FetchedMessage::close);
            }
            flagSynced();
            if (failure != null) {
                LOG.warn(failure.getMessage());
                throw failure;
            }
        }

        /**
         * Fetches, reads and stores every message above {@code lastUid} through the pipeline (see the class comment),
         * until the folder has no more, a stop is requested or something fails; flags or moves what was committed.
         */
        void readAhead(long lastUid) throws MailConnectionException, IOException, IntakeException {
            ReadAhead<Member> pipe = new ReadAhead<>(grouping.bytes(), grouping.messages());
            CountDownLatch readerEnded = new CountDownLatch(1);
            readers.execute(() -> {
                try {
                    fetchAndRead(pipe, lastUid);
                    pipe.end(null);
                } catch (Throwable e) {
                    pipe.end(e);
                } finally {
                    readerEnded.countDown();
                }
            });
            IntakeException failure;
            try {
                failure = store(pipe::take, pipe);
            } finally {
                pipe.close().forEach(Member::release);
                awaitUninterruptibly(readerEnded);
                hooks.pipelineEnded(pipe.peakMessages(), pipe.peakBytes());
            }
            Throwable readFailure = pipe.failure();
            Throwable first = failure != null ? failure : readFailure;
            try {
                flagSynced();
            } catch (MailConnectionException | RuntimeException e) {
                if (first == null) {
                    throw e;
                }
                first.addSuppressed(e);
            }
            if (failure != null) {
                LOG.warn(failure.getMessage());
                throw failure;
            }
            if (readFailure != null) {
                rethrow(readFailure);
            }
        }

        /** The reading side of the pipeline: fetch a batch, read each message, hand it over; flag between fetches. */
        private void fetchAndRead(ReadAhead<Member> pipe, long lastUid) throws Exception {
            while (!pipe.closed() && !stopRequested.getAsBoolean()) {
                flagSynced();
                // small messages in memory up to one group's bytes (see Grouping): no spool file each
                List<FetchedMessage> batch = mailbox.fetchSince(lastUid, grouping.messages(), grouping.bytes());
                if (batch.isEmpty()) {
                    return;
                }
                int handed = 0;
                try {
                    for (FetchedMessage f : batch) {
                        if (pipe.closed() || stopRequested.getAsBoolean()) {
                            return;
                        }
                        lastUid = Math.max(lastUid, f.uid());
                        Member m = member(f, true, () -> pipe.closed() || stopRequested.getAsBoolean());
                        if (!pipe.put(m, f.size())) {
                            return;
                        }
                        handed++;
                        hooks.handedOver(f.uid());
                        if (m.deferred() && !pipe.awaitDone(m)) {
                            return;
                        }
                    }
                } finally {
                    batch.subList(handed, batch.size()).forEach(FetchedMessage::close);
                }
            }
        }

        /** A fetched message as a member of a group: read now, or (under a mark) later by the storing thread. */
        Member member(FetchedMessage f, boolean moveCheckpoint, BooleanSupplier abandon) {
            ImapSettings s = mailbox.settings();
            Checkpoint cp = moveCheckpoint ? new Checkpoint(s.account(), s.folder(), validity, f.uid()) : null;
            Source src = new Source(f.rawFile(), f.size(), f.internalDate(), s.account(), s.folder(), f.uid(), cp, null,
                    f.sha256(), f.bytes());
            return marked(src) ? Member.deferred(src, f) : Member.read(src, f, () -> prepare(src, abandon));
        }

        /**
         * Stores the messages {@code next} gives, in groups, until it gives null or a stop is requested; returns the
         * failure that stopped the round early, or null. What was committed is forced to disk before this returns
         * (and the new tickets announced); the UIDs are then left for {@link #flagSynced()}.
         */
        private IntakeException store(Next next, ReadAhead<Member> pipe) {
            Group group = new Group(this);
            IntakeException failure = null;
            try {
                for (Member m; !stopRequested.getAsBoolean() && (m = next.get()) != null; ) {
                    if (m.deferred()) {
                        // read under a mark of its own: what was read before it is committed first, and it is stored
                        // alone right after it was read, so a crash while reading it names it and nothing else
                        group.commit();
                        group.add(m);
                        group.commit();
                        if (pipe != null) {
                            pipe.done(m);
                        }
                    } else {
                        if (!group.fits(m.src().size())) {
                            group.commit();
                        }
                        group.add(m);
                    }
                    syncCommitted(false);
                }
                group.commit();
            } catch (IntakeException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IntakeException("The mail intake was interrupted; what was not committed stays on the"
                        + " server unflagged and is read again next time.", counts,
                        new InterruptedIOException("interrupted"));
            } finally {
                group.release();
            }
            syncCommitted(true);
            return failure;
        }

        /** After a commit: what it stored, to force to disk before the server is told and new tickets are announced. */
        void committed(Long uid, NewTicketOpened announcement) {
            unsynced.add(uid);
            if (announcement != null) {
                announcements.add(announcement);
            }
        }

        /**
         * Forces the commits so far to disk (once per group's worth of messages, or at the end with {@code all}), then
         * announces their new tickets (acknowledgements go out only for a ticket that survives a crash) and leaves
         * their UIDs to be flagged.
         */
        private void syncCommitted(boolean all) {
            if (unsynced.isEmpty() || (!all && unsynced.size() < grouping.messages())) {
                return;
            }
            store.database().sync(); // what the server forgets and what we tell people must be on disk here first
            hooks.synced();
            List<NewTicketOpened> opened = List.copyOf(announcements);
            announcements.clear();
            tellNewTickets(opened);
            synchronized (toFlag) {
                toFlag.addAll(unsynced);
            }
            unsynced.clear();
        }

        /** Flags or moves on the server what is committed and on disk (the thread using the connection calls it). */
        private void flagSynced() throws MailConnectionException {
            List<Long> uids;
            synchronized (toFlag) {
                uids = List.copyOf(toFlag);
                toFlag.clear();
            }
            if (!uids.isEmpty()) {
                hooks.beforeMarkProcessed(uids);
                mailbox.markProcessed(uids);
            }
        }

        void stored(Long uid, IntakeOutcome outcome, boolean counted) {
            counts = counts.plus(outcome.kind());
            if (counted) {
                tracker = tracker.plus(1);
            }
        }

        void reportProgress() {
            try {
                progress.progress(tracker.at(System.nanoTime()));
            } catch (RuntimeException e) {
                LOG.warn("Progress listener failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable e) throws MailConnectionException, IOException, IntakeException {
        if (e instanceof MailConnectionException m) {
            throw m;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof IntakeException i) {
            throw i;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }

    /** Reads one message for a group (outside any transaction). */
    @FunctionalInterface
    private interface Preparing {
        Prepared prepare() throws IOException;
    }

    /**
     * A message of a group: read (parsed), or why reading it failed (a local problem, e.g. the spool file), or not read
     * yet ({@link #deferred()}: it is read under a mark by the storing thread). Owns its spool file, if any. Equal only
     * to itself (the group keeps sets of them; the parsed mail is not worth comparing).
     */
    private static final class Member {
        private final Source src;
        private final Prepared prepared;
        private final Throwable prepareFailure;
        private final FetchedMessage spool;
        private final boolean deferred;

        private Member(Source src, Prepared prepared, Throwable prepareFailure, FetchedMessage spool, boolean deferred) {
            this.src = src;
            this.prepared = prepared;
            this.prepareFailure = prepareFailure;
            this.spool = spool;
            this.deferred = deferred;
        }

        static Member read(Source src, FetchedMessage spool, Preparing reading) {
            try {
                return new Member(src, reading.prepare(), null, spool, false);
            } catch (IOException | RuntimeException e) {
                return new Member(src, null, e, spool, false);
            }
        }

        static Member deferred(Source src, FetchedMessage spool) {
            return new Member(src, null, null, spool, true);
        }

        Source src() {
            return src;
        }

        Prepared prepared() {
            return prepared;
        }

        Throwable prepareFailure() {
            return prepareFailure;
        }

        boolean deferred() {
            return deferred;
        }

        long uid() {
            return src.uid();
        }

        /** Deletes its spool file (once it is stored, or when the round ends without it). */
        void release() {
            if (spool == null) {
                return;
            }
            try {
                spool.close();
            } catch (RuntimeException e) {
                LOG.warn("A spool file could not be deleted: {}", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * The messages that commit together. They are read (parsed) before they are added, outside any transaction; what
     * is held in memory meanwhile is bounded by {@link Grouping#bytes()} of raw source (the parsed text of a message
     * is at most about twice its raw size). {@link #commit()} stores them in ONE transaction with the checkpoint; when
     * a message fails inside it, the transaction is rolled back and the group is stored again without it; then the
     * message is tried alone, and when that fails too it goes to the quarantine (with its raw source) so the rest of
     * the mailbox flows. A failure that is no fault of a message (the database is unreachable, the disk is full)
     * stops the round instead: nothing of the group is committed and the next round tries again.
     */
    private final class Group {
        final Round round;
        final List<Member> members = new ArrayList<>();
        long bytes;

        Group(Round round) {
            this.round = round;
        }

        boolean fits(long size) {
            return members.isEmpty() || (members.size() < grouping.messages() && bytes + size <= grouping.bytes());
        }

        /** Adds a member; one not read yet ({@link Member#deferred()}) is read now, under its mark. */
        void add(Member m) {
            members.add(m.deferred() ? Member.read(m.src(), m.spool, () -> prepare(m.src(), () -> false)) : m);
            bytes += m.src().size();
        }

        /** Deletes the spool files of members not committed (the round stopped). */
        void release() {
            members.forEach(Member::release);
            members.clear();
            bytes = 0;
        }

        /** Stores the members read so far (see the class comment) and starts an empty group. */
        void commit() throws IntakeException {
            if (members.isEmpty()) {
                return;
            }
            List<Member> all = List.copyOf(members);
            members.clear();
            bytes = 0;
            try {
                commit(all);
            } finally {
                all.forEach(Member::release);
            }
        }

        private void commit(List<Member> all) throws IntakeException {
            Set<Member> done = new HashSet<>();
            List<Member> pending = new ArrayList<>();
            List<Member> failed = new ArrayList<>();
            for (Member m : all) {
                (m.prepared() == null ? failed : pending).add(m);
            }
            while (!pending.isEmpty()) {
                int[] at = {-1};
                try {
                    List<IntakeOutcome> outcomes = storeTogether(pending.stream().map(Member::prepared).toList(),
                            checkpointAfter(all, done, pending), at);
                    after(pending, outcomes, done);
                    pending.clear();
                } catch (RuntimeException | Error e) {
                    if (stopsRound(e)) {
                        throw stop(pending.get(0), e);
                    }
                    if (at[0] < 0) {
                        // the commit itself failed: no one message is to blame, try each alone
                        failed.addAll(pending);
                        pending.clear();
                    } else {
                        Member culprit = pending.remove(at[0]);
                        LOG.info("UID {} of {} failed inside a group of {} ({}); storing the group without it, then it"
                                + " alone", culprit.uid(), culprit.src().account(), pending.size() + 1, plain(e));
                        failed.add(culprit);
                    }
                }
            }
            failed.sort(java.util.Comparator.comparingLong(Member::uid));
            for (Member m : failed) {
                alone(all, done, m);
            }
        }

        /** A message that failed in its group (or could not be read): once more alone, then the quarantine. */
        private void alone(List<Member> all, Set<Member> done, Member m) throws IntakeException {
            Throwable last = m.prepareFailure();
            try {
                Prepared p = m.prepared() != null ? m.prepared() : prepare(m.src());
                int[] at = {-1};
                List<IntakeOutcome> outcomes = storeTogether(List.of(p), checkpointAfter(all, done, List.of(m)), at);
                after(List.of(m), outcomes, done);
                return;
            } catch (IOException | RuntimeException | Error e) {
                if (stopsRound(e)) {
                    throw stop(m, e);
                }
                last = e;
            }
            LOG.warn("Message UID {} of {} failed in its group and alone; keeping it in the quarantine so the rest of"
                    + " the folder can be read", m.uid(), m.src().account());
            IntakeOutcome outcome;
            try {
                outcome = quarantineUnimportable(m.src(), "The message could not be imported (" + plain(last)
                        + "); it was kept here so the rest of the mailbox could be read. Retry it once the cause is"
                        + " fixed.", checkpointAfter(all, done, List.of(m)));
            } catch (IOException | RuntimeException | Error e) {
                throw stop(m, e);
            }
            after(List.of(m), List.of(outcome), done);
        }

        /** After a commit: counts, listeners, the UIDs to flag, progress. */
        private void after(List<Member> stored, List<IntakeOutcome> outcomes, Set<Member> done) {
            for (int i = 0; i < stored.size(); i++) {
                Member m = stored.get(i);
                done.add(m);
                round.stored(m.uid(), outcomes.get(i), m.src().checkpointAfter() != null);
                round.committed(m.uid(), announce(m.src(), m.prepared() == null ? null : m.prepared().reading().mail(),
                        outcomes.get(i)));
            }
            round.reportProgress();
        }

        private IntakeException stop(Member m, Throwable e) {
            return new IntakeException("Message UID " + m.uid() + " of " + m.src().account() + " could not be"
                    + " imported (" + plain(e) + "); it stays on the server unflagged and is tried again next time.",
                    round.counts, e);
        }
    }

    /**
     * The checkpoint to commit with {@code storing}: the highest UID of the group up to which every message is
     * stored once this commit is done; null when the commit moves it no further (or the messages carry none).
     */
    private static Checkpoint checkpointAfter(List<Member> all, Set<Member> done, List<Member> storing) {
        Checkpoint cp = null;
        for (Member m : all) {
            if (!done.contains(m) && !storing.contains(m)) {
                break;
            }
            if (m.src().checkpointAfter() != null) {
                cp = m.src().checkpointAfter();
            }
        }
        return cp;
    }

    /** Failures that are no fault of a message: the round stops and the next one tries again. */
    private static boolean stopsRound(Throwable e) {
        return e instanceof com.supportdesk.store.StoreException.Unreachable
                || e instanceof com.supportdesk.store.StoreException.DiskFull
                || e instanceof java.io.InterruptedIOException;
    }

    // ------------------------------------------------------------------------------------------ raw messages

    /**
     * Ingests one raw message file through exactly the path IMAP messages take (no checkpoint, no server flag):
     * for mail that arrives some other way, e.g. the messages a test server refuses to store.
     *
     * @param received when the desk received it (for IMAP: INTERNALDATE); null means now
     */
    public IntakeOutcome ingestRaw(Path rawMessage, Instant received, String account, String folder)
            throws IOException {
        return ingest(new Source(rawMessage, Files.size(rawMessage), received, account, folder, null, null, null));
    }

    /** Retry of a quarantine entry: its raw source was copied to {@code file}. */
    IntakeOutcome retry(Path file, long size, MailboxRepository.QuarantineEntry entry)
            throws IOException {
        return ingest(new Source(file, size, entry.received(), entry.account(), entry.folder(), entry.uid(), null,
                entry.id()));
    }

    /** The parsed message, or empty when it is not readable mail. */
    Optional<ParsedMail> tryParse(Path file) throws IOException {
        return Optional.ofNullable(read(file).mail());
    }

    /** What reading one raw message gave: the mail, or why it cannot be read (a sentence for the quarantine). */
    record Reading(ParsedMail mail, String unreadable) {
    }

    /**
     * Reads (parses) one raw message on a thread of its own, so nothing the message does can stop the intake: a
     * parse error, a {@link StackOverflowError} or {@link OutOfMemoryError} in the parser, or a parse that takes
     * longer than the read limit (its thread is then interrupted and left to end) make it unreadable with a reason.
     *
     * @throws IOException the file could not be read (a local problem: try again)
     */
    Reading read(Path file) throws IOException {
        return read(() -> parser.parse(file), () -> false);
    }

    /** Reads a source: from memory when it is there, else from its file. */
    private Reading read(Source src, BooleanSupplier abandon) throws IOException {
        byte[] bytes = src.bytes();
        return bytes != null ? read(() -> parser.parse(bytes), abandon) : read(() -> parser.parse(src.file()), abandon);
    }

    /**
     * {@link #read(Path)} that gives up early (an {@link InterruptedIOException}) once {@code abandon} says so: the
     * pipeline's reading side, when the round stops.
     */
    private Reading read(Callable<ParsedMail> parsing, BooleanSupplier abandon) throws IOException {
        FutureTask<ParsedMail> task = new FutureTask<>(parsing);
        readers.execute(task);
        Duration limit = readLimit;
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException();
                }
                try {
                    return new Reading(task.get(Math.min(left, ABANDON_CHECK_NANOS), TimeUnit.NANOSECONDS), null);
                } catch (TimeoutException slice) {
                    if (abandon.getAsBoolean()) {
                        task.cancel(true);
                        throw new InterruptedIOException("stopped while a message was read");
                    }
                }
            }
        } catch (TimeoutException e) {
            task.cancel(true);
            LOG.warn("Reading a message took longer than {}; it is kept in the quarantine", ParseBudget.seconds(limit));
            return new Reading(null, "Reading the message took longer than " + ParseBudget.seconds(limit) + ". "
                    + KEPT);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MailParseException parse) {
                return new Reading(null, parse.getMessage());
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            LOG.warn("Reading a message failed: {}", cause.getClass().getSimpleName());
            return new Reading(null, unreadable(cause));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while a message was read");
        }
    }

    /**
     * The threads messages are read on (each with a deep stack: deep structures recurse in the libraries). Idle
     * ones end after a minute; one still busy with a message past the read limit is left to end and another is made.
     */
    private static ExecutorService readerThreads() {
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE,
                60, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), runnable -> {
                    Thread reader = new Thread(null, runnable, "mail-reader", READER_STACK);
                    reader.setDaemon(true);
                    return reader;
                });
        return pool;
    }

    /** A plain sentence for a parser that failed with {@code cause}. */
    private static String unreadable(Throwable cause) {
        if (cause instanceof OutOfMemoryError) {
            return "Reading the message needed more memory than the desk has. " + KEPT;
        }
        if (cause instanceof StackOverflowError) {
            return "The message is nested too deeply to be read. " + KEPT;
        }
        return "The message could not be read as e-mail (" + cause.getClass().getSimpleName() + ").";
    }

    /**
     * Whether a message is read under a {@link ReadingMarks} mark: mail from the server (not an admin's retry) of
     * at least {@link #MARK_FROM_BYTES}. The mark costs a commit of its own and such a message commits alone; a
     * smaller message cannot hold enough to end the program (the parser's caps bound what one message holds, and
     * errors and overlong reads are caught), so the usual small mail is read without one and commits in groups.
     */
    private static boolean marked(Source src) {
        return src.uid() != null && src.retriedQuarantineId() == null && src.size() >= MARK_FROM_BYTES;
    }

    /** A message read and ready to store: its digest, the reading, and when it was received. */
    private record Prepared(Source src, String sha256, Reading reading, TextMarking rawMarking, Instant received) {
    }

    /** Reads one message (outside any transaction); a large one under a mark, committed first. */
    private Prepared prepare(Source src) throws IOException {
        return prepare(src, () -> false);
    }

    /** {@link #prepare(Source)} that gives up once {@code abandon} says so (see {@link #read(Callable, BooleanSupplier)}). */
    private Prepared prepare(Source src, BooleanSupplier abandon) throws IOException {
        String sha256 = src.digest();
        Optional<String> died = marked(src)
                ? store.database().inTx(tx -> marks.begin(tx, sha256)) : Optional.empty();
        Reading reading = died.isPresent() ? new Reading(null, died.get()) : read(src, abandon);
        TextMarking rawMarking = reading.mail() == null ? rawMarking(src) : null;
        return new Prepared(src, sha256, reading, rawMarking, receivedAt(src.internalDate()));
    }

    /** One message, one transaction (a raw message, a retried quarantine entry). */
    IntakeOutcome ingest(Source src) throws IOException {
        Prepared p = prepare(src);
        IntakeOutcome outcome = storeTogether(List.of(p), src.checkpointAfter(), new int[1]).get(0);
        NewTicketOpened opened = announce(src, p.reading().mail(), outcome);
        if (opened != null) {
            store.database().sync();
            hooks.synced();
            tellNewTickets(List.of(opened));
        }
        return outcome;
    }

    /**
     * Stores the messages in ONE transaction, in order, with the checkpoint (null: none); {@code at[0]} says which
     * message was being stored when it failed (-1: none, the commit itself).
     */
    private List<IntakeOutcome> storeTogether(List<Prepared> messages, Checkpoint checkpoint, int[] at) {
        at[0] = -1;
        return store.database().inTx(tx -> {
            store.mailbox().commitDurably(tx);
            GroupLookups look = GroupLookups.read(store, tx, messages.stream().map(MailIntake::wants).toList());
            List<IntakeOutcome> outcomes = new ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                at[0] = i;
                outcomes.add(storeOne(tx, look, messages.get(i)));
            }
            at[0] = -1;
            if (checkpoint != null) {
                store.mailbox().saveCheckpoint(tx, checkpoint);
            }
            return outcomes;
        });
    }

    /** What a message will look up in its group's transaction (see {@link GroupLookups}). */
    private static GroupLookups.Wants wants(Prepared p) {
        String contentKey = MessageIds.synthesize(HexFormat.of().parseHex(p.sha256()));
        ParsedMail mail = p.reading().mail();
        if (mail == null) {
            return new GroupLookups.Wants(List.of(contentKey), List.of(), 0, null);
        }
        List<String> threading = new ArrayList<>(mail.threadingIds());
        mail.bouncedMessageId().ifPresent(threading::add);
        long tagged = mail.ticketRef().map(Ticket::parseRef).orElse(0L);
        String sender = mail.from().map(MailAddress::address).filter(a -> a.length() <= MAX_EMAIL_LENGTH).orElse(null);
        return new GroupLookups.Wants(List.of(mail.messageId(), contentKey), threading, tagged, sender);
    }

    /** Everything one message writes, inside the group's transaction. */
    private IntakeOutcome storeOne(Tx tx, GroupLookups look, Prepared p) {
        Source src = p.src();
        ParsedMail mail = p.reading().mail();
        IntakeOutcome o = mail == null
                ? quarantine(tx, look, src, p.received(), p.sha256(), p.reading().unreadable(), p.rawMarking())
                : route(tx, look, src, mail, p.received(), p.sha256());
        if (marked(src)) {
            marks.finish(tx, p.sha256());
        }
        if (src.retriedQuarantineId() != null && o.kind() != IntakeOutcome.Kind.QUARANTINED) {
            store.mailbox().resolve(tx, src.retriedQuarantineId(), "retried: " + o.describe());
        }
        hooks.beforeCommit(src.uid());
        return o;
    }

    /**
     * After the commit: the log line and the outcome listener now; a new ticket is returned, for the new-ticket listener
     * (which may send an acknowledgement) once the commit is on disk ({@code Database.sync()}), so a crash can never
     * take back a ticket that was acknowledged. Null when there is no new ticket to tell about.
     */
    private NewTicketOpened announce(Source src, ParsedMail mail, IntakeOutcome outcome) {
        LOG.info("{}{}: {}", src.uid() == null ? "Message" : "UID " + src.uid(),
                src.account() == null ? "" : " of " + src.account(), outcome.describe());
        tell(src.uid(), outcome);
        if (outcome.kind() != IntakeOutcome.Kind.NEW_TICKET || src.retriedQuarantineId() != null || mail == null) {
            return null;
        }
        return new NewTicketOpened(outcome.ticketId(), mail);
    }

    /** Tells the new-ticket listener about tickets whose commit is on disk. */
    private void tellNewTickets(List<NewTicketOpened> opened) {
        if (opened.isEmpty()) {
            return;
        }
        try {
            newTicketListener.openedAll(opened);
        } catch (RuntimeException e) {
            LOG.warn("After opening {} new ticket(s): {}", opened.size(), e.getClass().getSimpleName());
        }
    }

    private void tell(Long uid, IntakeOutcome outcome) {
        try {
            outcomeListener.stored(uid, outcome);
        } catch (RuntimeException e) {
            LOG.warn("Outcome listener failed: {}", e.getClass().getSimpleName());
        }
    }

    private IntakeOutcome quarantineUnimportable(Source src, String reason, Checkpoint checkpoint) throws IOException {
        String sha256 = src.digest();
        Instant received = receivedAt(src.internalDate());
        TextMarking marking = rawMarking(src);
        return store.database().inTx(tx -> {
            store.mailbox().commitDurably(tx);
            RawHeaders headers = rawHeaders(src);
            long id = insertQuarantine(tx, src, new NewQuarantine(QuarantineCategory.UNREADABLE, src.account(),
                    src.folder(), src.uid(), received, reason, MessageIds.synthesize(HexFormat.of().parseHex(sha256)),
                    sha256, headers.from() == null ? null : headers.from().toString(), headers.subject(),
                    marking.sensitive()));
            if (checkpoint != null) {
                store.mailbox().saveCheckpoint(tx, checkpoint);
            }
            if (marked(src)) {
                marks.finish(tx, sha256);
            }
            return new IntakeOutcome(IntakeOutcome.Kind.QUARANTINED, null, id);
        });
    }

    // ------------------------------------------------------------------------------------------ routing

    private IntakeOutcome quarantine(Tx tx, GroupLookups look, Source src, Instant received, String sha256, String reason,
                                     TextMarking marking) {
        String key = MessageIds.synthesize(HexFormat.of().parseHex(sha256));
        Optional<StoredMail> stored = look.stored(key, src.retriedQuarantineId());
        if (stored.isPresent()) {
            return duplicate(stored.get());
        }
        if (src.retriedQuarantineId() != null) {
            return new IntakeOutcome(IntakeOutcome.Kind.QUARANTINED, null, src.retriedQuarantineId());
        }
        RawHeaders headers = rawHeaders(src);
        long id = insertQuarantine(tx, src, new NewQuarantine(QuarantineCategory.UNREADABLE, src.account(), src.folder(),
                src.uid(), received, reason, key, sha256, headers.from() == null ? null : headers.from().toString(),
                headers.subject(), marking.sensitive()));
        look.quarantined(key, id, sha256);
        return new IntakeOutcome(IntakeOutcome.Kind.QUARANTINED, null, id);
    }

    private IntakeOutcome route(Tx tx, GroupLookups look, Source src, ParsedMail mail, Instant received, String sha256) {
        MailboxRepository mailbox = store.mailbox();
        String key = mail.messageId();
        Optional<StoredMail> stored = look.stored(key, src.retriedQuarantineId());
        if (stored.isPresent()) {
            if (stored.get().sameContent(sha256)) {
                return duplicate(stored.get());
            }
            // another message reusing a stored Message-ID: keep it, under an id made from its own bytes
            key = MessageIds.synthesize(HexFormat.of().parseHex(sha256));
            Optional<StoredMail> again = look.stored(key, src.retriedQuarantineId());
            if (again.isPresent()) {
                return duplicate(again.get());
            }
            LOG.info("{}: its Message-ID is already used by a different message; stored under a content id",
                    src.uid() == null ? "Message" : "UID " + src.uid());
        }
        boolean inherits = src.retriedQuarantineId() != null
                && mailbox.entry(tx, src.retriedQuarantineId()).map(e -> e.sensitive()).orElse(false);
        Incoming in = new Incoming(src, mail, key, received, sha256, inherits);
        if (mail.isAutomated()) {
            return automated(tx, look, in);
        }
        Optional<Ticket> ticket = thread(look, mail);
        if (ticket.isPresent()) {
            attach(tx, look, ticket.get(), in, MessageKind.EMAIL, true);
            return new IntakeOutcome(IntakeOutcome.Kind.THREADED, ticket.get().id(), null);
        }
        return new IntakeOutcome(IntakeOutcome.Kind.NEW_TICKET, openTicket(tx, look, null, in), null);
    }

    /**
     * A message on its way into the store. {@code key} is the Message-ID it is stored under; {@code inheritsSensitive}
     * when it comes from a quarantine or automated-log entry classified sensitive, whose classification it keeps.
     */
    record Incoming(Source src, ParsedMail mail, String key, Instant received, String sha256, boolean inheritsSensitive) {

        /** A ticket made from it: sensitive when the message is marked or the entry it came from was sensitive. */
        Classification classification() {
            return mail.officialSensitive() || inheritsSensitive ? Classification.OFFICIAL_SENSITIVE
                    : Classification.OFFICIAL;
        }

        /** An automated-log entry made from it: sensitive when marked anywhere, or not all of it could be read. */
        boolean sensitiveEntry() {
            return mail.sensitiveEntry() || inheritsSensitive;
        }
    }

    private IntakeOutcome automated(Tx tx, GroupLookups look, Incoming in) {
        ParsedMail mail = in.mail();
        Optional<Ticket> ticket = Optional.empty();
        if (mail.automated() == AutomatedKind.BOUNCE) {
            if (mail.bouncedMessageId().isPresent()) {
                ticket = look.byMessageIds(List.of(mail.bouncedMessageId().get()));
            }
            if (ticket.isEmpty()) {
                ticket = thread(look, mail);
            }
            if (ticket.isPresent()) {
                attach(tx, look, ticket.get(), in, MessageKind.BOUNCE, false);
                return new IntakeOutcome(IntakeOutcome.Kind.AUTOMATED, ticket.get().id(), null);
            }
        } else if (mail.automated() != AutomatedKind.LOOP) {
            ticket = thread(look, mail);
            if (ticket.isPresent()) {
                attach(tx, look, ticket.get(), in, MessageKind.EMAIL, false);
                return new IntakeOutcome(IntakeOutcome.Kind.AUTOMATED, ticket.get().id(), null);
            }
        }
        long id = insertQuarantine(tx, in.src(), new NewQuarantine(QuarantineCategory.AUTOMATED, in.src().account(),
                in.src().folder(), in.src().uid(), in.received(), automatedReason(mail), in.key(), in.sha256(),
                mail.from().map(MailAddress::toString).orElse(null), mail.subject(), in.sensitiveEntry()));
        look.quarantined(in.key(), id, in.sha256());
        return new IntakeOutcome(IntakeOutcome.Kind.AUTOMATED, null, id);
    }

    static String automatedReason(ParsedMail mail) {
        return switch (mail.automated()) {
            case AUTO_REPLY -> "Automatic reply (out of office, read receipt or similar) that answers no ticket.";
            case BOUNCE -> "Delivery failure report for a message that is on no ticket.";
            case LIST -> "Mailing-list mail.";
            case BULK -> "Bulk mail.";
            case LOOP -> "One of this desk's own messages came back (mail loop).";
            case NONE -> "Kept by an admin's choice.";
        };
    }

    /** The ticket named by the subject tag if it exists, else the one holding a Message-ID this one refers to. */
    private static Optional<Ticket> thread(GroupLookups look, ParsedMail mail) {
        if (mail.ticketRef().isPresent()) {
            long id = Ticket.parseRef(mail.ticketRef().get());
            Optional<Ticket> tagged = id > 0 ? look.ticket(id) : Optional.empty();
            if (tagged.isPresent()) {
                return tagged;
            }
        }
        return look.byMessageIds(mail.threadingIds());
    }

    /**
     * Adds the message to the ticket. A person's mail ({@code fromCustomer}) reopens a resolved or closed ticket
     * and makes a ticket waiting on the customer open again; an OFFICIAL-SENSITIVE marking raises the ticket.
     *
     * <p>Anyone can put {@code [SD-n]} in a subject (refs are sequential), so an e-mail whose sender is neither the
     * ticket's contact nor a contact of its customer is still attached, but marked as from an unknown sender: it
     * reopens nothing, changes no status, is never the default recipient of a reply, and its history entry names
     * no one (only the ref appears in the log).
     */
    private void attach(Tx tx, GroupLookups look, Ticket ticket, Incoming in, MessageKind kind, boolean fromCustomer) {
        long id = ticket.id();
        boolean unknownSender = kind == MessageKind.EMAIL && !knownSender(look, ticket, in.mail().from());
        Stored stored = storeMessage(tx, look, id, in, kind, unknownSender);
        String detail = switch (kind) {
            case BOUNCE -> "Delivery failure report received" + in.mail().bouncedMessageId()
                    .map(m -> " for the desk's message " + m).orElse("") + "; not customer contact";
            default -> {
                String what = fromCustomer ? "E-mail received" : "Automated e-mail received ("
                        + in.mail().automated().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")";
                if (unknownSender) {
                    what += " from an unknown sender (not the ticket's contact or a contact of its customer)";
                }
                yield what + (!fromCustomer ? "; not customer contact, the ticket was not reopened"
                        : unknownSender ? "; the ticket was not reopened" : "");
            }
        };
        store.history().event(tx, id, null, kind == MessageKind.BOUNCE ? EventKind.BOUNCE_RECEIVED : EventKind.EMAIL_RECEIVED,
                detail + stored.notes());
        boolean raises = in.classification() == Classification.OFFICIAL_SENSITIVE
                || (kind == MessageKind.BOUNCE && in.mail().marking() == TextMarking.MARKED); // a sensitive reply came back
        if (raises && !ticket.sensitive()) {
            look.changed(id);
            store.changes().classify(null, id, current(tx, id).version(), Classification.OFFICIAL_SENSITIVE,
                    "marked OFFICIAL-SENSITIVE in an e-mail");
        }
        if (!fromCustomer || unknownSender) {
            if (unknownSender) {
                LOG.info("{}: mail from an unknown sender attached without reopening it", ticket.ref());
            }
            return;
        }
        if (ticket.status() == TicketStatus.RESOLVED || ticket.status() == TicketStatus.CLOSED) {
            look.changed(id);
            store.changes().reopen(tx, null, id, "Reopened: the customer wrote again by e-mail");
        } else if (ticket.status() == TicketStatus.WAITING_ON_CUSTOMER) {
            look.changed(id);
            store.changes().changeStatus(null, id, current(tx, id).version(), TicketStatus.OPEN);
        }
    }

    /** The sender is the ticket's contact, or a contact of the ticket's customer. */
    private static boolean knownSender(GroupLookups look, Ticket ticket, Optional<MailAddress> from) {
        if (from.isEmpty() || from.get().address().length() > MAX_EMAIL_LENGTH) {
            return false;
        }
        // asked of the store: on a team database the gateway cannot read a ticket's contact or customer itself
        return look.knownSender(ticket.id(), from.get().address());
    }

    private Ticket current(Tx tx, long id) {
        return store.tickets().load(tx, id);
    }

    /**
     * Opens a ticket for the message: contact by From, customer from the contact, severity from the subject
     * marking (else S3, needs triage), classification from the OFFICIAL-SENSITIVE marking, received as given.
     *
     * @param actor the admin making it from the quarantine, or null for the intake itself
     */
    long openTicket(Tx tx, Agent actor, Incoming in) {
        return openTicket(tx, GroupLookups.none(store, tx), actor, in);
    }

    private long openTicket(Tx tx, GroupLookups look, Agent actor, Incoming in) {
        ParsedMail mail = in.mail();
        Contact contact = contactFor(look, mail.from().orElse(null));
        Optional<Severity> marked = mail.severity();
        NewTicket n = new NewTicket(mail.normalizedSubject(), marked.orElse(Severity.S3), SupportLevel.L1, Channel.EMAIL,
                contact == null ? null : contact.customerId(), contact == null ? null : contact.id(), in.received(), null,
                in.classification(), marked.isEmpty(), null);
        // the ticket and its first e-mail in one statement where the engine allows (TicketChanges.insertWithMail)
        Stored stored = storeMessage(tx, look, in, MessageKind.EMAIL, false, (m, raw) -> {
            TicketChanges.Opened opened = store.changes().insertWithMail(tx, actor, n, m, raw);
            look.changed(opened.ticketId());
            return opened;
        });
        long id = stored.ticketId();
        if (!stored.notes().isEmpty()) {
            store.history().event(tx, id, actor, EventKind.EMAIL_RECEIVED, "E-mail received" + stored.notes());
        }
        return id;
    }

    private static Contact contactFor(GroupLookups look, MailAddress from) {
        if (from == null || from.address().length() > MAX_EMAIL_LENGTH) {
            return null;
        }
        String name = from.displayName();
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        return look.contact(from.address(), name);
    }

    /**
     * What {@link #storeMessage} stored: the entry's ticket and row, and its notes about attachments (for the
     * history), e.g. "; 1 attachment too large…".
     */
    private record Stored(long ticketId, long messageRowId, String notes) {
    }

    /** Inserts the entry (and, for a new ticket, the ticket with it); returns the ticket's and the entry's ids. */
    @FunctionalInterface
    private interface EntryInsert {
        TicketChanges.Opened insert(Conversation.NewMessage message, Conversation.RawMail raw);
    }

    /** {@link #storeMessage(Tx, GroupLookups, Incoming, MessageKind, boolean, EntryInsert)} on an existing ticket. */
    private Stored storeMessage(Tx tx, GroupLookups look, long ticketId, Incoming in, MessageKind kind,
                                boolean unknownSender) {
        return storeMessage(tx, look, in, kind, unknownSender, (m, raw) ->
                new TicketChanges.Opened(ticketId, store.conversation().addInboundMail(tx, ticketId, m, raw)));
    }

    /** The conversation entry with its raw source (and digest, and unknown-sender mark) and attachments, all streamed. */
    private Stored storeMessage(Tx tx, GroupLookups look, Incoming in, MessageKind kind, boolean unknownSender,
                                EntryInsert entry) {
        ParsedMail mail = in.mail();
        long mid;
        long ticketId;
        try (InputStream raw = in.src().open()) {
            TicketChanges.Opened stored = entry.insert(new Conversation.NewMessage(kind, Direction.IN, in.key(),
                    mail.inReplyTo().orElse(null), String.join(" ", mail.references()),
                    mail.from().map(MailAddress::toString).orElse(null),
                    mail.to().stream().map(MailAddress::toString).collect(Collectors.joining(", ")),
                    mail.subject(), in.received(), mail.textBody(), null),
                    new Conversation.RawMail(raw, in.src().size(), in.sha256(), unknownSender));
            mid = stored.messageId();
            ticketId = stored.ticketId();
        } catch (IOException e) {
            throw new UncheckedIOException("The spool file could not be read: " + e.getMessage(), e);
        }
        look.messageStored(in.key(), mid, ticketId, in.sha256());
        int tooLarge = 0;
        int damaged = 0;
        double tooLargeMb = 0;
        try (PartContent.Reader parts = new PartContent.Reader()) { // one reading of the source for all of them
            for (MailAttachment a : mail.attachments()) {
                if (a.tooLarge()) {
                    store.conversation().addAttachment(tx, mid, a.fileName(), a.contentType(), a.size(), true, null);
                    tooLarge++;
                    tooLargeMb += a.size() / (1024.0 * 1024.0);
                    continue;
                }
                try (GuardedStream in2 = new GuardedStream(() -> parts.open(a))) {
                    store.conversation().addAttachment(tx, mid, a.fileName(), a.contentType(), a.size(), false, in2);
                    if (in2.failed()) {
                        damaged++;
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Closing the raw source after the attachments failed: {}", e.getClass().getSimpleName());
        }
        StringBuilder notes = new StringBuilder();
        if (tooLarge > 0) {
            notes.append(String.format(Locale.ROOT, "; %d attachment%s too large: %.1f MB, kept on server", tooLarge,
                    tooLarge == 1 ? "" : "s", tooLargeMb));
        }
        if (damaged > 0) {
            notes.append("; ").append(damaged).append(damaged == 1 ? " attachment" : " attachments")
                    .append(" could not be read completely (the raw message is kept)");
        }
        return new Stored(ticketId, mid, notes.toString());
    }

    private long insertQuarantine(Tx tx, Source src, NewQuarantine q) {
        try (InputStream raw = src.open()) {
            return store.mailbox().quarantine(tx, q, raw, src.size());
        } catch (IOException e) {
            throw new UncheckedIOException("The spool file could not be read: " + e.getMessage(), e);
        }
    }

    /** Subject, sender and marking as far as they can be read from the top of an unreadable message. */
    private static RawHeaders rawHeaders(Source src) {
        try (InputStream in = src.open()) {
            return RawHeaders.of(in.readNBytes(RawHeaders.HEAD_BYTES));
        } catch (IOException | RuntimeException e) {
            return new RawHeaders(null, null);
        }
    }

    /** The marking in an unreadable message's raw source; UNSURE when even that cannot be read. */
    private static TextMarking rawMarking(Source src) {
        try (InputStream in = src.open()) {
            return RawScan.of(in, true);
        } catch (IOException | RuntimeException e) {
            return TextMarking.UNSURE;
        }
    }

    private static IntakeOutcome duplicate(StoredMail stored) {
        return new IntakeOutcome(IntakeOutcome.Kind.DUPLICATE, stored.ticketId(), stored.quarantineId());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Instant receivedAt(Instant internalDate) {
        if (internalDate == null || internalDate.isBefore(EARLIEST) || !internalDate.isBefore(LATEST)) {
            return clock.instant();
        }
        return internalDate;
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.newInputStream(file));
    }

    /** The SHA-256 of what {@code raw} gives, in hex; closes it. */
    static String sha256(InputStream raw) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        try (InputStream in = new DigestInputStream(raw, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * One short clause for an exception that is safe to log: database errors can quote the values of the
     * statement (a subject, an address), so only their code is named.
     */
    static String plain(Throwable e) {
        if ((e instanceof StoreException.Unreachable
                || e instanceof StoreException.DiskFull) && e.getMessage() != null) {
            return e.getMessage().replaceAll("[.\\s]+$", "");
        }
        if (e instanceof StoreException) {
            // the store's sentences may quote a statement's values: name only the kind of failure
            return "database error (" + e.getClass().getSimpleName() + ")";
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            return "the downloaded copy could not be read: " + (e.getCause() != null ? e.getCause() : e).getClass().getSimpleName();
        }
        return e.getClass().getSimpleName();
    }

    /**
     * An attachment's content for the database: a read error (a damaged part) ends the stream early instead of
     * failing the statement, and is remembered, so one broken attachment never blocks a message.
     */
    private static final class GuardedStream extends InputStream {
        private final InputStream in;
        private boolean failed;

        GuardedStream(MailContent content) {
            InputStream opened;
            try {
                opened = content.open();
            } catch (IOException | RuntimeException e) {
                opened = InputStream.nullInputStream();
                failed = true;
            }
            this.in = opened;
        }

        boolean failed() {
            return failed;
        }

        @Override
        public int read() {
            if (failed) {
                return -1;
            }
            try {
                return in.read();
            } catch (IOException | RuntimeException e) {
                failed = true;
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (failed) {
                return -1;
            }
            try {
                return in.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                failed = true;
                return -1;
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing to keep
            }
        }
    }
}
