package com.supportdesk.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open IMAP folder (docs/mail.md).
 *
 * <p>Reading never marks a message as seen ({@code mail.imap.peek}); {@link #markProcessed} does, and must
 * only be called after the tickets and the checkpoint are committed. Catch up with
 * {@link #fetchSince(long, int)} after every (re)connect; {@link #idle(Duration)} is only a hint that new
 * mail may be there.
 *
 * <p>Use from one thread, except {@link #wakeUp()} and {@link #close()}, which may be called from another
 * thread to end an {@link #idle(Duration)} early.
 */
public final class ImapMailbox implements AutoCloseable {

    static {
        MailSystemProperties.install();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImapMailbox.class);
    private static final long WATCHDOG_TICK_MS = 200;

    private final ImapSettings settings;
    private final MailFailures.Endpoint endpoint;
    private final ImapSpooler spooler;
    private final IMAPStore store;
    private final IMAPFolder folder;
    private final ScheduledExecutorService watchdog;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final Object pollLock = new Object();
    private volatile boolean closed;
    private boolean moveTargetChecked;
    /** When the login's access token should be renewed (reconnect before then); null for a password login. */
    private volatile Instant renewBy;
    /** Messages in the folder when {@link #fetchSince} last looked (or after the last move): -1 before that. */
    private volatile int countAtLastFetch = -1;

    private ImapMailbox(ImapSettings settings, MailFailures.Endpoint endpoint, Path spoolDir, IMAPStore store,
                        IMAPFolder folder) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.spooler = new ImapSpooler(folder, spoolDir);
        this.store = store;
        this.folder = folder;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "imap-idle-watchdog " + settings.account());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects with default timeouts; raw messages are spooled to the system temp folder. */
    public static ImapMailbox open(ImapSettings settings) throws MailConnectionException {
        return open(settings, MailTimeouts.defaults(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Connects, logs in with the settings' password and opens the configured folder read-write. */
    public static ImapMailbox open(ImapSettings settings, MailTimeouts timeouts, Path spoolDir)
            throws MailConnectionException {
        return open(settings, settings.password(), timeouts, spoolDir);
    }

    /**
     * Connects, logs in with {@code secret} — the password, or for {@link MailAuth#OAUTH} an OAuth 2.0 access token
     * sent with SASL XOAUTH2 — and opens the configured folder read-write.
     */
    public static ImapMailbox open(ImapSettings settings, String secret, MailTimeouts timeouts, Path spoolDir)
            throws MailConnectionException {
        Objects.requireNonNull(spoolDir, "spoolDir");
        MailFailures.Endpoint endpoint = new MailFailures.Endpoint(settings.host(), settings.port(),
                settings.account(), secret, timeouts, settings.oauth());
        LOG.info("Connecting to IMAP {} on port {} ({}), folder {}", settings.account(), settings.port(),
                settings.tls(), settings.folder());
        IMAPStore store = null;
        try {
            store = (IMAPStore) MailSessions.imap(settings, timeouts).getStore("imap");
            store.connect(settings.host(), settings.port(), settings.user(), secret);
            IMAPFolder folder = (IMAPFolder) store.getFolder(settings.folder());
            if (!folder.exists()) {
                throw new MailConnectionException(MailProblem.SERVER_ERROR, "The folder " + settings.folder()
                        + " does not exist for " + settings.account() + ".", null);
            }
            folder.open(Folder.READ_WRITE);
            LOG.info("Opened IMAP folder {} of {} (UIDVALIDITY {})", settings.folder(), settings.account(),
                    folder.getUIDValidity());
            return new ImapMailbox(settings, endpoint, spoolDir, store, folder);
        } catch (MessagingException e) {
            closeQuietly(store);
            throw failure(endpoint, e);
        } catch (MailConnectionException e) {
            closeQuietly(store);
            throw e;
        }
    }

    /** The folder's UIDVALIDITY; when it differs from the checkpoint's, rescan from UID 0. */
    public long uidValidity() throws MailConnectionException {
        try {
            return folder.getUIDValidity();
        } catch (MessagingException e) {
            throw failure(endpoint, e);
        }
    }

    /**
     * Copies up to {@code max} messages with a UID above {@code lastUid}, oldest first, byte for byte into
     * temporary files in the spool folder: small messages several per round trip (at most 4 MB in memory),
     * large ones streamed in blocks. Messages deleted meanwhile are skipped. The caller deletes the files
     * ({@link FetchedMessage#close()}) once the raw source is stored.
     *
     * @throws IOException when the spool folder cannot be written
     */
    public List<FetchedMessage> fetchSince(long lastUid, int max) throws MailConnectionException, IOException {
        return fetchSince(lastUid, max, 0);
    }

    /**
     * As {@link #fetchSince(long, int)}, keeping messages under 64 KB in memory instead of files while they add up to
     * at most {@code memoryBytes} ({@link FetchedMessage#bytes()}).
     */
    public List<FetchedMessage> fetchSince(long lastUid, int max, long memoryBytes)
            throws MailConnectionException, IOException {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        try {
            return spooler.spool(newerThan(lastUid, max), memoryBytes);
        } catch (MessagingException e) {
            throw failure(endpoint, e);
        }
    }

    /**
     * Messages with a UID up to {@code upToUid} (so already covered by the committed checkpoint) that were never
     * marked processed: the intake stopped between its commit and {@link #markProcessed}. Under
     * {@link AfterImport#MARK_SEEN} these are the unseen ones (a server-side SEARCH UNSEEN, so the cost does not
     * grow with the seen mail kept in the folder); under {@link AfterImport#MOVE} every message still in the folder
     * up to that UID. Spooled like {@link #fetchSince(long, int)}, oldest first, at most {@code max}; the caller
     * passes them through its dedupe and marks them.
     */
    public List<FetchedMessage> fetchLeftovers(long upToUid, int max) throws MailConnectionException, IOException {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        if (upToUid < 1) {
            return List.of();
        }
        try {
            Message[] candidates = settings.afterImport() == AfterImport.MARK_SEEN
                    ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                    : folder.getMessagesByUID(1, upToUid);
            FetchProfile uids = new FetchProfile();
            uids.add(UIDFolder.FetchProfileItem.UID);
            Message[] present = Arrays.stream(candidates).filter(m -> m != null && !m.isExpunged()).toArray(Message[]::new);
            folder.fetch(present, uids);
            List<Message> left = new ArrayList<>();
            for (Message message : present) {
                long uid = folder.getUID(message);
                if (uid > 0 && uid <= upToUid) {
                    left.add(message);
                }
            }
            left.sort(Comparator.comparingLong(this::uidOf));
            return spooler.spool(left.subList(0, Math.min(max, left.size())).toArray(new Message[0]));
        } catch (MessagingException e) {
            throw failure(endpoint, e);
        }
    }

    /**
     * For an OAuth login: when the access token it used should be renewed. The session stays logged in, but the
     * intake reconnects (with a fresh token) by then, so a server that ends sessions when their token expires does not
     * cut a fetch short. Null for a password login.
     */
    public Instant renewBy() {
        return renewBy;
    }

    void renewBy(Instant when) {
        this.renewBy = when;
    }

    /** The account and folder this mailbox reads, as configured. */
    public ImapSettings settings() {
        return settings;
    }

    /**
     * How many messages in the folder have a UID above {@code lastUid} (what a catch-up has before it, for its
     * progress). UIDs grow with sequence numbers, so this is a binary search: about 17 small round trips for
     * 100,000 messages, whatever the folder holds.
     */
    public int countAbove(long lastUid) throws MailConnectionException {
        try {
            int count = folder.getMessageCount();
            int low = 1;
            int high = count + 1; // the first sequence number whose UID is above lastUid lies in [low, high]
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (folder.getUID(folder.getMessage(mid)) > lastUid) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return count - low + 1;
        } catch (MessagingException e) {
            throw failure(endpoint, e);
        }
    }

    /**
     * The first {@code max} messages with a UID above {@code lastUid}. UIDs grow with sequence numbers, so
     * these are the newest messages; the UID range asked for is widened only as far as needed, so the cost
     * does not grow with the number of messages waiting or already in the folder.
     */
    private Message[] newerThan(long lastUid, int max) throws MessagingException {
        int count = folder.getMessageCount();
        countAtLastFetch = count;
        if (count == 0) {
            return new Message[0];
        }
        long highest = folder.getUID(folder.getMessage(count));
        List<Message> newer = new ArrayList<>();
        for (long window = max; lastUid < highest; window *= 4) {
            long end = Math.min(highest, lastUid + window);
            newer.clear();
            for (Message message : folder.getMessagesByUID(lastUid + 1, end)) {
                if (message != null && folder.getUID(message) > lastUid) {
                    newer.add(message);
                }
            }
            if (newer.size() >= max || end == highest) {
                break;
            }
        }
        newer.sort(Comparator.comparingLong(this::uidOf));
        return newer.subList(0, Math.min(max, newer.size())).toArray(new Message[0]);
    }

    private long uidOf(Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("UID vanished after it was fetched", e);
        }
    }

    /** {@link #markProcessed(Collection)} for one message. */
    public void markProcessed(long uid) throws MailConnectionException {
        markProcessed(List.of(uid));
    }

    /**
     * Marks messages \Seen or moves them to the configured folder (created when missing), according to
     * {@link ImapSettings#afterImport()}. Call only after the commit. UIDs no longer on the server are ignored.
     * A move uses the IMAP MOVE command when the server offers it, else copy, delete and expunge.
     */
    public void markProcessed(Collection<Long> uids) throws MailConnectionException {
        markProcessed(uids, true);
    }

    /** {@code useMoveCommand = false} forces the copy-delete-expunge path (for servers without MOVE). */
    void markProcessed(Collection<Long> uids, boolean useMoveCommand) throws MailConnectionException {
        try {
            Message[] messages = Arrays.stream(folder.getMessagesByUID(uids.stream().mapToLong(Long::longValue).toArray()))
                    .filter(Objects::nonNull).toArray(Message[]::new);
            if (messages.length == 0) {
                return;
            }
            if (settings.afterImport() == AfterImport.MARK_SEEN) {
                folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
                return;
            }
            Folder target = moveTarget();
            if (useMoveCommand && store.hasCapability("MOVE")) {
                int before = folder.getMessageCount();
                folder.moveMessages(messages, target);
                if (folder.getMessageCount() > before - messages.length) {
                    // the server did not report the moved messages as expunged (GreenMail does not), so the
                    // cached sequence numbers are stale: select the folder again
                    folder.close(false);
                    folder.open(Folder.READ_WRITE);
                }
            } else {
                moveByCopy(messages, target);
            }
            countAtLastFetch = Math.min(countAtLastFetch, folder.getMessageCount());
        } catch (MessagingException e) {
            throw failure(endpoint, e);
        }
    }

    /** The move fallback for servers without MOVE: copy, flag \Deleted, expunge (only these with UIDPLUS). */
    private void moveByCopy(Message[] messages, Folder target) throws MessagingException {
        folder.copyMessages(messages, target);
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        if (store.hasCapability("UIDPLUS")) {
            folder.expunge(messages);
        } else {
            folder.expunge();
        }
    }

    private Folder moveTarget() throws MessagingException {
        Folder target = store.getFolder(settings.moveToFolder());
        if (!moveTargetChecked) {
            if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("could not create folder " + settings.moveToFolder());
            }
            moveTargetChecked = true;
        }
        return target;
    }

    /** Whether the server offers IMAP IDLE; without it {@link #idle(Duration)} polls. */
    public boolean supportsIdle() throws MailConnectionException {
        try {
            return store.hasCapability("IDLE");
        } catch (MessagingException e) {
            throw failure(endpoint, e);
        }
    }

    /**
     * Waits until the server reports a change (IMAP IDLE), {@code max} has passed, or {@link #wakeUp()} /
     * {@link #close()} is called. Without IDLE it waits {@code max} (waking early on {@link #wakeUp()}) and
     * then asks the server once (the poll path). Either way, follow with {@link #fetchSince(long, int)}.
     *
     * @return true if the folder now holds more messages than before
     */
    public boolean idle(Duration max) throws MailConnectionException {
        if (arrivedSinceLastFetch()) {
            return true; // mail came in between the last fetch and now: no waiting, fetch again
        }
        return supportsIdle() ? idleWithImapIdle(max) : idleByPolling(max);
    }

    /**
     * Waits {@code max} (waking early on {@link #wakeUp()} or {@link #close()}) and then asks the server once,
     * without IMAP IDLE even when the server offers it. Returns at once when mail arrived since the last fetch.
     *
     * @return true if the folder now holds more messages than before
     */
    public boolean poll(Duration max) throws MailConnectionException {
        return arrivedSinceLastFetch() || idleByPolling(max);
    }

    /** Asks the server (NOOP) whether the folder grew since {@link #fetchSince} last looked. */
    private boolean arrivedSinceLastFetch() throws MailConnectionException {
        if (countAtLastFetch < 0 || closed) {
            return false;
        }
        try {
            folder.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
            return folder.getMessageCount() > countAtLastFetch;
        } catch (MessagingException e) {
            throw failure(endpoint, e);
        }
    }

    boolean idleWithImapIdle(Duration max) throws MailConnectionException {
        try {
            int before = folder.getMessageCount();
            if (wakeRequested.getAndSet(false) || closed) {
                return false;
            }
            Instant deadline = Instant.now().plus(max);
            ScheduledFuture<?> tick = watchdog.scheduleWithFixedDelay(() -> {
                if (closed || wakeRequested.get() || Instant.now().isAfter(deadline)) {
                    abortIdle();
                }
            }, WATCHDOG_TICK_MS, WATCHDOG_TICK_MS, TimeUnit.MILLISECONDS);
            try {
                folder.idle(true);
            } finally {
                tick.cancel(false);
                wakeRequested.set(false);
            }
            return !closed && folder.getMessageCount() > before;
        } catch (MessagingException e) {
            throw failure(endpoint, e);
        }
    }

    boolean idleByPolling(Duration max) throws MailConnectionException {
        try {
            int before = folder.getMessageCount();
            long until = System.nanoTime() + max.toNanos();
            synchronized (pollLock) {
                for (long left = max.toNanos(); left > 0 && !closed && !wakeRequested.get();
                     left = until - System.nanoTime()) {
                    pollLock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
            wakeRequested.set(false);
            return !closed && folder.getMessageCount() > before; // NOOP: picks up new EXISTS
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (MessagingException e) {
            throw failure(endpoint, e);
        }
    }

    /** Ends a running {@link #idle(Duration)} soon (within a fraction of a second). Any thread. */
    public void wakeUp() {
        wakeRequested.set(true);
        synchronized (pollLock) {
            pollLock.notifyAll();
        }
    }

    /** Any command on the folder makes Jakarta Mail end IDLE (DONE) first; NOOP is the harmless one. */
    private void abortIdle() {
        try {
            folder.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Ending IMAP IDLE for {} failed: {}", settings.account(), e.toString());
        }
    }

    public boolean isConnected() {
        return !closed && store.isConnected() && folder.isOpen();
    }

    /** Closes the folder (without expunging) and logs out. Any thread; ends a running idle. */
    @Override
    public void close() {
        closed = true;
        wakeUp();
        watchdog.shutdownNow();
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Closing IMAP folder for {} failed: {}", settings.account(), e.toString());
        }
        closeQuietly(store);
    }

    private static void closeQuietly(IMAPStore store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Closing IMAP connection failed: {}", e.toString());
        }
    }

    private static MailConnectionException failure(MailFailures.Endpoint endpoint, MessagingException e) {
        MailProblem problem = MailFailures.classify(e);
        String message = MailFailures.explain(problem, endpoint, e);
        LOG.warn("IMAP {}: {}", endpoint.account(), message);
        return new MailConnectionException(problem, message, e);
    }
}
