package com.supportdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Online backups: on demand, and one a day kept for a week in the data folder. */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    public static final int KEEP = 7;
    private static final String PREFIX = "supportdesk-";

    private final Database db;

    public Backups(Database db) {
        this.db = db;
    }

    /** A consistent backup of the live database into a zip file. */
    public void backupTo(Path zip) {
        db.backupTo(zip);
        LOG.info("Backup written to {}", zip.toAbsolutePath());
    }

    /**
     * Makes today's backup in the data folder's backups folder unless it exists, and deletes all but the
     * newest {@link #KEEP}. Returns the backup made, if one was made. Only for an embedded database.
     */
    public Optional<Path> dailyBackup() {
        if (!db.location().embedded()) {
            return Optional.empty();
        }
        Path dir = db.location().backupDir();
        Instant now = db.clock().instant();
        Path target = todaysPath(now);
        Optional<Path> made = Optional.empty();
        if (!Files.exists(target)) {
            Path tmp = dir.resolve(target.getFileName() + ".part");
            try {
                Files.deleteIfExists(tmp);
                backupTo(tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                made = Optional.of(target);
            } catch (IOException e) {
                throw new StoreException("Could not write the daily backup " + target + ": " + e.getMessage(), e);
            }
        }
        prune(dir);
        return made;
    }

    /** Today's daily backup (today in UTC, by the desk's clock), if it was made. */
    public Optional<Path> todaysBackup() {
        Path p = todaysPath(db.clock().instant());
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    private Path todaysPath(Instant now) {
        return db.location().backupDir().resolve(PREFIX + LocalDate.ofInstant(now, ZoneOffset.UTC) + ".zip");
    }

    private static void prune(Path dir) {
        List<Path> all = list(dir);
        for (int i = 0; i < all.size() - KEEP; i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (IOException e) {
                LOG.warn("Could not delete old backup {}: {}", all.get(i), e.getMessage());
            }
        }
    }

    /** The daily backups, oldest first. */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(".zip");
            }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
