package com.supportdesk.app;

import com.supportdesk.store.Backups;
import com.supportdesk.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup of the embedded database for a desk (or mail gateway) that stays open for days. Every
 * {@link #CHECK_EVERY} it asks whether today's backup is due and runs it, on one low-priority background thread,
 * at a moment that does not compete with people working: outside Business Hours (evenings, nights, weekends and
 * holidays, by the desk's own policy calendar). A desk that is never open outside Business Hours still gets one a
 * day: when the newest backup is more than {@link #LONGEST_GAP} old, it runs anyway. README ("Backups") says why.
 */
public final class BackupSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);
    static final Duration CHECK_EVERY = Duration.ofMinutes(10);
    static final Duration LONGEST_GAP = Duration.ofHours(24);

    private final Store store;
    private ScheduledExecutorService executor;

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

    /** True when today has no backup yet and now is outside Business Hours, or the newest backup is over a day old. */
    boolean due(Instant now) {
        if (store.backups().todaysBackup().isPresent()) {
            return false;
        }
        Optional<Instant> newest = newest(store.database().location().backupDir());
        if (newest.isEmpty() || Duration.between(newest.get(), now).compareTo(LONGEST_GAP) > 0) {
            return true;
        }
        return !store.policy().clock().policy().calendarAt(now).isOpen(now);
    }

    private Optional<Instant> newest(Path dir) {
        List<Path> all = Backups.list(dir);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Backups.madeAt(all.get(all.size() - 1)));
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
