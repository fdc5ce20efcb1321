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
import com.supportdesk.store.TicketRepository;
import com.supportdesk.store.Tx;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns fetched mail into tickets (docs/mail.md). Each message is handled in ONE transaction: its raw
 * source, what it became (a new ticket, a message on an existing ticket, a bounce on the ticket it bounced from,
 * an automated-log or quarantine entry) and the folder's checkpoint (UIDVALIDITY, last UID) commit together.
 * Messages are flagged or moved on the server only after their commit, so a crash can only cause a re-fetch,
 * which the dedupe absorbs: a Message-ID already stored with the same raw bytes is a duplicate and changes
 * nothing.
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

    /** Messages fetched per IMAP round trip group; each is still committed on its own. */
    public static final int DEFAULT_BATCH = 200;
    /** After this many failed attempts at one message the watch loop quarantines it, so the rest can flow. */
    static final int MAX_ATTEMPTS = 3;
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

    /** Parses one raw message file. */
    @FunctionalInterface
    public interface Parser {
        ParsedMail parse(Path rawMessage) throws MailParseException, IOException;
    }

    /** Told about every ticket the intake opened, after its commit (e.g. to acknowledge it). Must not throw. */
    @FunctionalInterface
    public interface NewTicketListener {
        void opened(long ticketId, ParsedMail mail);
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

        /** Inside the message's transaction, after everything was written, before the commit. */
        default void beforeCommit(Long uid) {
        }

        /** After the batch's commits, before the messages are flagged or moved on the server. */
        default void beforeMarkProcessed(List<Long> uids) {
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

    /** Where a raw message comes from and what to commit with it. */
    record Source(Path file, long size, Instant internalDate, String account, String folder, Long uid,
                  Checkpoint checkpointAfter, Long retriedQuarantineId) {
    }

    private final Store store;
    private final Parser parser;
    private final Clock clock;
    private final int batchSize;
    private volatile NewTicketListener newTicketListener = (id, mail) -> { };
    private volatile OutcomeListener outcomeListener = (uid, outcome) -> { };
    private final Map<String, Integer> failedAttempts = new HashMap<>();
    private final ReadingMarks marks;
    private volatile Duration readLimit = DEFAULT_READ_LIMIT;
    Hooks hooks = Hooks.NONE;

    public MailIntake(Store store) {
        this(store, new MailParser()::parse, store.database().clock(), DEFAULT_BATCH);
    }

    public MailIntake(Store store, Parser parser, Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batchSize = batchSize;
        this.marks = new ReadingMarks(store.settings(), clock, DEFAULT_READ_LIMIT.multipliedBy(2));
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
     * Imports everything in the folder that the checkpoint does not cover yet, in UID order, one transaction per
     * message, flagging or moving each batch after its commits. With {@code leftovers} (do this once after every
     * connect) it first re-fetches messages the checkpoint covers but that were never flagged or moved (the last
     * run stopped between commit and flag); the dedupe turns them into duplicates and they are flagged now.
     * When the folder's UIDVALIDITY differs from the checkpoint's, the whole folder is read again from UID 0.
     *
     * @throws IntakeException a message could not be stored: it and everything after it stay on the server
     *                         unflagged, the checkpoint stays before it, and the next round tries it again
     */
    public IntakeCounts catchUp(ImapMailbox mailbox, boolean leftovers)
            throws MailConnectionException, IOException, IntakeException {
        return catchUp(mailbox, leftovers, () -> false);
    }

    /**
     * {@link #catchUp(ImapMailbox, boolean)} that stops early, between two messages, once {@code stopRequested}
     * says so; what was committed is flagged as usual and the rest is left for the next round.
     */
    public IntakeCounts catchUp(ImapMailbox mailbox, boolean leftovers, BooleanSupplier stopRequested)
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
        IntakeCounts[] counts = {IntakeCounts.NONE};
        if (leftovers && lastUid > 0) {
            Set<Long> tried = new HashSet<>();
            for (List<FetchedMessage> batch = mailbox.fetchLeftovers(lastUid, batchSize); !batch.isEmpty();
                 batch = mailbox.fetchLeftovers(lastUid, batchSize)) {
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
                process(mailbox, fresh, validity, false, counts, stopRequested);
                if (stopRequested.getAsBoolean()) {
                    return counts[0];
                }
            }
        }
        while (!stopRequested.getAsBoolean()) {
            List<FetchedMessage> batch = mailbox.fetchSince(lastUid, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            lastUid = Math.max(lastUid, process(mailbox, batch, validity, true, counts, stopRequested));
        }
        return counts[0];
    }

    /** Ingests one batch; returns the last UID committed. Closes (deletes) every spool file of the batch. */
    private long process(ImapMailbox mailbox, List<FetchedMessage> batch, long validity, boolean moveCheckpoint,
                         IntakeCounts[] counts, BooleanSupplier stopRequested)
            throws MailConnectionException, IntakeException {
        ImapSettings s = mailbox.settings();
        List<Long> committed = new ArrayList<>();
        long last = 0;
        IntakeException failure = null;
        try {
            for (FetchedMessage f : batch) {
                if (stopRequested.getAsBoolean()) {
                    break;
                }
                Checkpoint cp = moveCheckpoint ? new Checkpoint(s.account(), s.folder(), validity, f.uid()) : null;
                Source src = new Source(f.rawFile(), f.size(), f.internalDate(), s.account(), s.folder(), f.uid(), cp, null);
                IntakeOutcome outcome;
                try {
                    outcome = ingestOrQuarantineAfterRetries(src, validity);
                } catch (RuntimeException | IOException | Error e) {
                    failure = new IntakeException("Message UID " + f.uid() + " of " + s.account() + " could not be"
                            + " imported (" + plain(e) + "); it stays on the server unflagged and is tried again"
                            + " next time.", counts[0], e);
                    break;
                }
                counts[0] = counts[0].plus(outcome.kind());
                committed.add(f.uid());
                last = f.uid();
            }
        } finally {
            batch.forEach(FetchedMessage::close);
        }
        if (!committed.isEmpty()) {
            hooks.beforeMarkProcessed(committed);
            mailbox.markProcessed(committed);
        }
        if (failure != null) {
            LOG.warn(failure.getMessage());
            throw failure;
        }
        return last;
    }

    private IntakeOutcome ingestOrQuarantineAfterRetries(Source src, long validity) throws IOException {
        String key = src.account() + "/" + src.folder() + "/" + validity + "/" + src.uid();
        try {
            IntakeOutcome outcome = ingest(src);
            synchronized (failedAttempts) {
                failedAttempts.remove(key);
            }
            return outcome;
        } catch (RuntimeException | IOException | Error e) {
            int attempts;
            synchronized (failedAttempts) {
                attempts = failedAttempts.merge(key, 1, Integer::sum);
            }
            if (attempts < MAX_ATTEMPTS || e instanceof StoreException.Unreachable
                    || e instanceof StoreException.DiskFull) { // a full disk is no fault of the message
                throw e;
            }
            LOG.warn("Message UID {} of {} failed {} times; keeping it in the quarantine so the rest of the folder"
                    + " can be read", src.uid(), src.account(), attempts);
            IntakeOutcome outcome = quarantineUnimportable(src, "The message could not be imported (" + plain(e)
                    + "); it was kept here so the rest of the mailbox could be read. Retry it once the cause is fixed.");
            synchronized (failedAttempts) {
                failedAttempts.remove(key);
            }
            tell(src.uid(), outcome);
            return outcome;
        }
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
        FutureTask<ParsedMail> task = new FutureTask<>(() -> parser.parse(file));
        Thread reader = new Thread(null, task, "mail-reader", READER_STACK);
        reader.setDaemon(true);
        reader.start();
        Duration limit = readLimit;
        try {
            return new Reading(task.get(limit.toMillis(), TimeUnit.MILLISECONDS), null);
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
     * at least {@link #MARK_FROM_BYTES}. The mark costs a commit of its own; a smaller message cannot hold enough to
     * end the program (the parser's caps bound what one message holds, and errors and overlong reads are caught), so
     * the usual small mail is read without one.
     */
    private static boolean marked(Source src) {
        return src.uid() != null && src.retriedQuarantineId() == null && src.size() >= MARK_FROM_BYTES;
    }

    /** One message, one transaction. */
    IntakeOutcome ingest(Source src) throws IOException {
        String sha256 = sha256(src.file());
        Optional<String> died = marked(src)
                ? store.database().inTx(tx -> marks.begin(tx, sha256)) : Optional.empty();
        Reading reading = died.isPresent() ? new Reading(null, died.get()) : read(src.file());
        ParsedMail mail = reading.mail();
        String reason = reading.unreadable();
        TextMarking rawMarking = mail == null ? rawMarking(src.file()) : null;
        Instant received = receivedAt(src.internalDate());
        IntakeOutcome outcome = store.database().inTx(tx -> {
            IntakeOutcome o = mail == null
                    ? quarantine(tx, src, received, sha256, reason, rawMarking)
                    : route(tx, src, mail, received, sha256);
            if (src.checkpointAfter() != null) {
                store.mailbox().saveCheckpoint(tx, src.checkpointAfter());
            }
            if (marked(src)) {
                marks.finish(tx, sha256);
            }
            if (src.retriedQuarantineId() != null && o.kind() != IntakeOutcome.Kind.QUARANTINED) {
                store.mailbox().resolve(tx, src.retriedQuarantineId(), "retried: " + o.describe());
            }
            hooks.beforeCommit(src.uid());
            return o;
        });
        LOG.info("{}{}: {}", src.uid() == null ? "Message" : "UID " + src.uid(),
                src.account() == null ? "" : " of " + src.account(), outcome.describe());
        tell(src.uid(), outcome);
        if (outcome.kind() == IntakeOutcome.Kind.NEW_TICKET && src.retriedQuarantineId() == null) {
            try {
                newTicketListener.opened(outcome.ticketId(), mail);
            } catch (RuntimeException e) {
                LOG.warn("After opening {}: {}", outcome.ref(), e.getClass().getSimpleName());
            }
        }
        return outcome;
    }

    private void tell(Long uid, IntakeOutcome outcome) {
        try {
            outcomeListener.stored(uid, outcome);
        } catch (RuntimeException e) {
            LOG.warn("Outcome listener failed: {}", e.getClass().getSimpleName());
        }
    }

    private IntakeOutcome quarantineUnimportable(Source src, String reason) throws IOException {
        String sha256 = sha256(src.file());
        Instant received = receivedAt(src.internalDate());
        TextMarking marking = rawMarking(src.file());
        return store.database().inTx(tx -> {
            RawHeaders headers = rawHeaders(src.file());
            long id = insertQuarantine(tx, src, new NewQuarantine(QuarantineCategory.UNREADABLE, src.account(),
                    src.folder(), src.uid(), received, reason, MessageIds.synthesize(HexFormat.of().parseHex(sha256)),
                    sha256, headers.from() == null ? null : headers.from().toString(), headers.subject(),
                    marking.sensitive()));
            if (src.checkpointAfter() != null) {
                store.mailbox().saveCheckpoint(tx, src.checkpointAfter());
            }
            if (marked(src)) {
                marks.finish(tx, sha256);
            }
            return new IntakeOutcome(IntakeOutcome.Kind.QUARANTINED, null, id);
        });
    }

    // ------------------------------------------------------------------------------------------ routing

    private IntakeOutcome quarantine(Tx tx, Source src, Instant received, String sha256, String reason,
                                     TextMarking marking) {
        String key = MessageIds.synthesize(HexFormat.of().parseHex(sha256));
        Optional<StoredMail> stored = store.mailbox().stored(tx, key, src.retriedQuarantineId());
        if (stored.isPresent()) {
            return duplicate(stored.get());
        }
        if (src.retriedQuarantineId() != null) {
            return new IntakeOutcome(IntakeOutcome.Kind.QUARANTINED, null, src.retriedQuarantineId());
        }
        RawHeaders headers = rawHeaders(src.file());
        long id = insertQuarantine(tx, src, new NewQuarantine(QuarantineCategory.UNREADABLE, src.account(), src.folder(),
                src.uid(), received, reason, key, sha256, headers.from() == null ? null : headers.from().toString(),
                headers.subject(), marking.sensitive()));
        return new IntakeOutcome(IntakeOutcome.Kind.QUARANTINED, null, id);
    }

    private IntakeOutcome route(Tx tx, Source src, ParsedMail mail, Instant received, String sha256) {
        MailboxRepository mailbox = store.mailbox();
        String key = mail.messageId();
        Optional<StoredMail> stored = mailbox.stored(tx, key, src.retriedQuarantineId());
        if (stored.isPresent()) {
            if (stored.get().sameContent(sha256)) {
                return duplicate(stored.get());
            }
            // another message reusing a stored Message-ID: keep it, under an id made from its own bytes
            key = MessageIds.synthesize(HexFormat.of().parseHex(sha256));
            Optional<StoredMail> again = mailbox.stored(tx, key, src.retriedQuarantineId());
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
            return automated(tx, in);
        }
        Optional<Ticket> ticket = thread(tx, mail);
        if (ticket.isPresent()) {
            attach(tx, ticket.get(), in, MessageKind.EMAIL, true);
            return new IntakeOutcome(IntakeOutcome.Kind.THREADED, ticket.get().id(), null);
        }
        return new IntakeOutcome(IntakeOutcome.Kind.NEW_TICKET, openTicket(tx, null, in), null);
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

    private IntakeOutcome automated(Tx tx, Incoming in) {
        ParsedMail mail = in.mail();
        Optional<Ticket> ticket = Optional.empty();
        if (mail.automated() == AutomatedKind.BOUNCE) {
            if (mail.bouncedMessageId().isPresent()) {
                ticket = byMessageIds(tx, List.of(mail.bouncedMessageId().get()));
            }
            if (ticket.isEmpty()) {
                ticket = thread(tx, mail);
            }
            if (ticket.isPresent()) {
                attach(tx, ticket.get(), in, MessageKind.BOUNCE, false);
                return new IntakeOutcome(IntakeOutcome.Kind.AUTOMATED, ticket.get().id(), null);
            }
        } else if (mail.automated() != AutomatedKind.LOOP) {
            ticket = thread(tx, mail);
            if (ticket.isPresent()) {
                attach(tx, ticket.get(), in, MessageKind.EMAIL, false);
                return new IntakeOutcome(IntakeOutcome.Kind.AUTOMATED, ticket.get().id(), null);
            }
        }
        long id = insertQuarantine(tx, in.src(), new NewQuarantine(QuarantineCategory.AUTOMATED, in.src().account(),
                in.src().folder(), in.src().uid(), in.received(), automatedReason(mail), in.key(), in.sha256(),
                mail.from().map(MailAddress::toString).orElse(null), mail.subject(), in.sensitiveEntry()));
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
    private Optional<Ticket> thread(Tx tx, ParsedMail mail) {
        if (mail.ticketRef().isPresent()) {
            long id = Ticket.parseRef(mail.ticketRef().get());
            Optional<Ticket> tagged = id > 0 ? store.tickets().find(tx, id) : Optional.empty();
            if (tagged.isPresent()) {
                return tagged;
            }
        }
        return byMessageIds(tx, mail.threadingIds());
    }

    private Optional<Ticket> byMessageIds(Tx tx, List<String> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> id = store.conversation().ticketForMessageIds(tx, ids);
        return id.isPresent() ? store.tickets().find(tx, id.get()) : Optional.empty();
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
    private void attach(Tx tx, Ticket ticket, Incoming in, MessageKind kind, boolean fromCustomer) {
        TicketRepository tickets = store.tickets();
        long id = ticket.id();
        boolean unknownSender = kind == MessageKind.EMAIL && !knownSender(tx, ticket, in.mail().from());
        Stored stored = storeMessage(tx, id, in, kind);
        if (unknownSender) {
            store.mailbox().markUnknownSender(tx, stored.messageRowId());
        }
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
            store.changes().reopen(tx, null, id, "Reopened: the customer wrote again by e-mail");
        } else if (ticket.status() == TicketStatus.WAITING_ON_CUSTOMER) {
            store.changes().changeStatus(null, id, current(tx, id).version(), TicketStatus.OPEN);
        }
    }

    /** The sender is the ticket's contact, or a contact of the ticket's customer. */
    private boolean knownSender(Tx tx, Ticket ticket, Optional<MailAddress> from) {
        if (from.isEmpty() || from.get().address().length() > MAX_EMAIL_LENGTH) {
            return false;
        }
        // asked of the store: on a team database the gateway cannot read a ticket's contact or customer itself
        return store.conversation().knownSender(tx, ticket.id(), from.get().address());
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
        ParsedMail mail = in.mail();
        Contact contact = contactFor(mail.from().orElse(null));
        Optional<Severity> marked = mail.severity();
        NewTicket n = new NewTicket(mail.normalizedSubject(), marked.orElse(Severity.S3), SupportLevel.L1, Channel.EMAIL,
                contact == null ? null : contact.customerId(), contact == null ? null : contact.id(), in.received(), null,
                in.classification(), marked.isEmpty(), null);
        long id = store.changes().insert(tx, actor, n);
        Stored stored = storeMessage(tx, id, in, MessageKind.EMAIL);
        if (!stored.notes().isEmpty()) {
            store.history().event(tx, id, actor, EventKind.EMAIL_RECEIVED, "E-mail received" + stored.notes());
        }
        return id;
    }

    private Contact contactFor(MailAddress from) {
        if (from == null || from.address().length() > MAX_EMAIL_LENGTH) {
            return null;
        }
        String name = from.displayName();
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        return store.contacts().findOrCreateByEmail(from.address(), name);
    }

    /** What {@link #storeMessage} noted about attachments (for the history), e.g. "; 1 attachment too large…". */
    private record Stored(long messageRowId, String notes) {
    }

    /** The conversation entry with its raw source and attachments, all streamed. */
    private Stored storeMessage(Tx tx, long ticketId, Incoming in, MessageKind kind) {
        ParsedMail mail = in.mail();
        TicketRepository tickets = store.tickets();
        long mid = store.conversation().addMessage(tx, ticketId, new Conversation.NewMessage(kind, Direction.IN, in.key(),
                mail.inReplyTo().orElse(null), String.join(" ", mail.references()),
                mail.from().map(MailAddress::toString).orElse(null),
                mail.to().stream().map(MailAddress::toString).collect(Collectors.joining(", ")),
                mail.subject(), in.received(), mail.textBody(), null));
        try (InputStream raw = Files.newInputStream(in.src().file())) {
            store.conversation().setRawSource(tx, mid, raw, in.src().size());
        } catch (IOException e) {
            throw new UncheckedIOException("The spool file could not be read: " + e.getMessage(), e);
        }
        store.mailbox().setRawDigest(tx, mid, in.sha256());
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
        return new Stored(mid, notes.toString());
    }

    private long insertQuarantine(Tx tx, Source src, NewQuarantine q) {
        try (InputStream raw = Files.newInputStream(src.file())) {
            return store.mailbox().quarantine(tx, q, raw, src.size());
        } catch (IOException e) {
            throw new UncheckedIOException("The spool file could not be read: " + e.getMessage(), e);
        }
    }

    /** Subject, sender and marking as far as they can be read from the top of an unreadable message. */
    private static RawHeaders rawHeaders(Path file) {
        try {
            return RawHeaders.read(file);
        } catch (IOException | RuntimeException e) {
            return new RawHeaders(null, null);
        }
    }

    /** The marking in an unreadable message's raw source; UNSURE when even that cannot be read. */
    private static TextMarking rawMarking(Path file) {
        try {
            return RawScan.of(file);
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
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
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
