package com.supportdesk.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.h2.tools.Restore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the schema migrations of the embedded database survive the program being stopped half-way (kill -9, a
 * power cut, the machine shutting down). H2 commits every DDL statement by itself, so a migration stopped in the
 * middle leaves some of its statements applied and none recorded, and the next start would fail on them for ever
 * ("Duplicate column name ...").
 *
 * <p>Before migrating, {@link Database} writes a small journal file beside the database saying what to do if it
 * never finishes: {@code new} for a database being created (its half-made file is moved aside and it is created
 * again), or the path of the backup taken just before an upgrade (the database is put back from it and upgraded
 * again). The journal is removed once the migrations have run; nobody can use the database before that. A database
 * that another process holds open is never touched.
 */
final class MigrationJournal {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationJournal.class);

    static final String FILE = DataLocation.DB_NAME + ".migrating";
    static final String NEW = "new";

    private final DataLocation location;
    private final Path journal;

    private MigrationJournal(DataLocation location) {
        this.location = location;
        this.journal = location.dataDir().resolve(FILE);
    }

    /** The journal of an embedded database file on the default file system, or empty (memory, nio: URLs, a team). */
    static Optional<MigrationJournal> of(DataLocation location) {
        if (!location.embedded() || location.databaseFile() == null || !location.h2FileSystemPrefix().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MigrationJournal(location));
    }

    /**
     * Finishes what a stopped migration left, before the database is opened: moves a half-created file aside, or
     * puts a half-upgraded one back from its backup. Does nothing when there is no journal, or when another process
     * has the database open (the open then says it is in use).
     */
    void recover() {
        if (!Files.exists(journal)) {
            return;
        }
        Path file = location.databaseFile();
        List<String> lines;
        try {
            lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("Cannot read " + journal + ", left by an upgrade of the database that did not finish: "
                    + e.getMessage(), e);
        }
        if (lines.isEmpty() || writerAlive(lines)) {
            return; // being written, or a migration running now (in this process or another): not ours to undo
        }
        String what = lines.get(0).strip();
        if (Files.exists(file)) {
            // asked only now the journal's writer is gone, so never of a file this process has open
            if (FolderMove.held(file)) {
                return;
            }
            try {
                if (what.equals(NEW)) {
                    Path aside = location.dataDir().resolve(DataLocation.DB_NAME + ".interrupted-create.mv.db");
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                    LOG.warn("Creating the database {} was stopped half-way last time; the half-made file was moved to {}"
                            + " and the database is created again.", file, aside);
                } else {
                    Path backup = Path.of(what);
                    if (!Files.isRegularFile(backup)) {
                        throw new StoreException("An upgrade of the database " + file + " was stopped half-way, and the"
                                + " backup taken just before it (" + backup + ") is missing, so it cannot be put back."
                                + " Restore a backup from " + location.backupDir() + " (README: Backups), then delete "
                                + journal + ".", null);
                    }
                    putBack(location, backup);
                    LOG.warn("An upgrade of the database {} was stopped half-way last time; it was put back from {}, taken"
                            + " just before, and is upgraded again.", file, backup);
                }
            } catch (IOException e) {
                throw new StoreException("An upgrade of the database " + file + " was stopped half-way, and putting it"
                        + " back failed (" + e.getMessage() + "). The backups are in " + location.backupDir() + ".", e);
            }
        }
        delete();
    }

    /** Says, durably, what to do if the migrations now starting never finish: {@link #NEW}, or the backup's path. */
    void begin(String whatToDo) {
        Path tmp = journal.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            // what to do, then who is migrating: a journal whose writer still runs is never acted on
            ProcessHandle me = ProcessHandle.current();
            ch.write(StandardCharsets.UTF_8.encode(whatToDo + "\n" + me.pid() + "\n" + started(me) + "\n"));
            ch.force(true);
        } catch (IOException e) {
            throw new StoreException("Cannot write " + tmp + " before upgrading the database: " + e.getMessage()
                    + ". The database was not changed.", e);
        }
        try {
            Files.move(tmp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("Cannot write " + journal + " before upgrading the database: " + e.getMessage()
                    + ". The database was not changed.", e);
        }
    }

    /** The migrations have run (or a failed upgrade was put back): nothing is left to do on the next start. */
    void delete() {
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            // left in place, the next start would undo a finished migration: refuse to go on instead
            throw new StoreException("Cannot remove " + journal + " after upgrading the database: " + e.getMessage()
                    + ". Delete that file by hand, then start Support Desk again.", e);
        }
    }

    /**
     * Replaces the database file by the contents of {@code backup}: the current file is moved aside, the backup
     * unzipped, and the file moved aside deleted — or put back if the backup cannot be unzipped. Nothing may have
     * the database open.
     */
    static void putBack(DataLocation location, Path backup) throws IOException {
        Path file = location.dataDir().resolve(DataLocation.DB_NAME + ".mv.db");
        Path aside = location.dataDir().resolve(DataLocation.DB_NAME + ".failed-upgrade.mv.db");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        try {
            Restore.execute(backup.toString(), location.dataDir().toString(), DataLocation.DB_NAME);
        } catch (RuntimeException e) {
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
            throw new IOException(e.getMessage(), e);
        }
        OwnerOnly.files(location.dataDir(), DataLocation.DB_NAME);
        Files.deleteIfExists(aside);
    }

    /** True when the process that wrote the journal (pid and start time, lines 2 and 3) is still running. */
    private static boolean writerAlive(List<String> lines) {
        if (lines.size() < 2) {
            return false; // written before the journal named its writer
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(1).strip());
        } catch (NumberFormatException e) {
            return false;
        }
        String started = lines.size() > 2 ? lines.get(2).strip() : "";
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> started.isEmpty() || started(p).equals(started))
                .isPresent();
    }

    /** When a process started, as the journal writes it (empty where the OS does not say). */
    private static String started(ProcessHandle p) {
        return p.info().startInstant().map(Object::toString).orElse("");
    }
}
