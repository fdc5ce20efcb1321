package com.supportdesk.app;

import com.supportdesk.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup of the embedded database for a desk (or mail gateway) that stays open for days. Every
 * {@link #CHECK_EVERY} it asks whether today's backup (today in UTC) is due and makes it on one low-priority
 * background thread, at a moment that does not compete with people working: outside Business Hours (nights,
 * weekends and holidays, by the desk's own policy calendar), so a desk left running backs up each night. A desk that
 * has not been running outside Business Hours since it started (opened in the morning, closed in the evening) has
 * had no such moment: it makes today's backup soon after start, as before. README ("Backups") says why.
 */
public final class BackupSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);
    static final Duration CHECK_EVERY = Duration.ofMinutes(10);

    private final Store store;
    private ScheduledExecutorService executor;
    /** True once a check fell outside Business Hours: from then on backups wait for such a time. */
    private volatile boolean sawClosedTime;

    BackupSchedule(Store store) {
        this.store = store;
    }

    /** Starts checking (the first check soon after start). */
    BackupSchedule start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daily-backup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tickQuietly, 1, CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    private void tickQuietly() {
        try {
            tick().ifPresent(p -> LOG.info("Daily backup written: {}", p));
        } catch (RuntimeException e) {
            LOG.warn("Daily backup failed: {}", e.getMessage());
        }
    }

    /** One check: makes today's backup when it is due now. Returns the backup made, if any. */
    Optional<Path> tick() {
        Instant now = store.database().clock().instant();
        if (!due(now)) {
            return Optional.empty();
        }
        return store.backups().dailyBackup();
    }

    /**
     * True when today has no backup yet and now is outside Business Hours, or this process has not yet been running
     * outside Business Hours (so it may not see such a time today).
     */
    boolean due(Instant now) {
        boolean closed = !store.policy().clock().policy().calendarAt(now).isOpen(now);
        if (closed) {
            sawClosedTime = true;
        }
        if (store.backups().todaysBackup().isPresent()) {
            return false;
        }
        return closed || !sawClosedTime;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
