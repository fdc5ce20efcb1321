package com.supportdesk.app;

import com.supportdesk.store.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desk per OS user and data folder. A desktop that starts first asks the folder's {@link DeskChannel} whether a
 * desk already runs there; if one answers, the request (come forward, or open the call console) is handed to it and
 * this process ends. Otherwise it takes {@code desk.lock} in the folder — so two desks started at the same moment
 * cannot both go on — and answers the channel itself. The same holds on a team database, where no database lock
 * would stop a second desk.
 */
final class DeskInstance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskInstance.class);
    static final String LOCK = "desk.lock";

    /** What became of this launch. */
    sealed interface Claim permits Handed, Held, Elsewhere {
    }

    /** A running desk took the request; this process has nothing more to do. */
    record Handed(DeskChannel.Reply reply) implements Claim {
    }

    /** This process is the desk of the folder and answers its channel. */
    record Held(DeskInstance instance) implements Claim {
    }

    /**
     * Another kind of Support Desk process holds the folder (the mail gateway on the embedded database): this desk
     * goes on without a channel and meets the database lock, said in plain words.
     */
    record Elsewhere(String message) implements Claim {
    }

    private final FileChannel lockFile;
    private final FileLock lock;
    private final DeskChannel channel;

    private DeskInstance(FileChannel lockFile, FileLock lock, DeskChannel channel) {
        this.lockFile = lockFile;
        this.lock = lock;
        this.channel = channel;
    }

    /**
     * Hands {@code request} to the desk running in {@code dataDir}, or becomes that desk, answering with
     * {@code dispatcher}. While another desk is starting (it has the lock but does not answer yet) this waits up to
     * {@code patience} for it to answer.
     */
    static Claim claim(Path dataDir, DeskChannel.Request request, DeskChannel.Dispatcher dispatcher, Duration patience)
            throws IOException {
        long until = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<Claim> asked = ask(dataDir, request);
            if (asked.isPresent()) {
                return asked.get();
            }
            OwnerOnly.directory(dataDir);
            FileChannel file = FileChannel.open(dataDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = file.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process holds it (tests that start two desks in one JVM)
            }
            if (lock != null) {
                OwnerOnly.file(dataDir.resolve(LOCK));
                try {
                    return new Held(new DeskInstance(file, lock, DeskChannel.start(dataDir, dispatcher)));
                } catch (DeskChannel.InUse e) {
                    // a process that is no desk answered between our question and the lock: ask it again
                    lock.release();
                    file.close();
                    continue;
                } catch (IOException | RuntimeException e) {
                    lock.release();
                    file.close();
                    throw e;
                }
            }
            file.close();
            if (System.nanoTime() > until) {
                throw new Starting(dataDir);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the Support Desk that is starting.", e);
            }
        }
    }

    /** Another desk holds the folder's lock but has not answered within the patience given. */
    static final class Starting extends IOException {
        private static final long serialVersionUID = 1L;

        Starting(Path dataDir) {
            super("Another Support Desk is starting for " + dataDir + " but does not answer yet; wait a moment and"
                    + " try again.");
        }
    }

    private static Optional<Claim> ask(Path dataDir, DeskChannel.Request request) {
        return DeskChannel.ask(dataDir, request).map(reply -> {
            if (!reply.known()) {
                LOG.info("The process holding {} is no desk: {}", dataDir, reply.message());
                return new Elsewhere(reply.message());
            }
            return new Handed(reply);
        });
    }

    /** The channel this desk answers. */
    DeskChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.close();
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            LOG.debug("Releasing {}: {}", LOCK, e.getMessage());
        }
    }
}
