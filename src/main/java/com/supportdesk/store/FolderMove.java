package com.supportdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Moves a folder of the desk (its data folder, its logs) to a new place once, so that nothing is lost even if the
 * process dies half-way: <b>copy</b> every file into {@code <to>.moving} (owner-only), <b>verify</b> each copy against
 * its original (size and SHA-256), then <b>switch</b> by renaming {@code <to>.moving} to {@code <to>} in one step, and
 * only then remove the originals that are still exactly what was copied. Where it stops:
 * <ul>
 *   <li>before the switch — the old folder is untouched and still used ({@link OsFolders#dataDir()}); the next start
 *       throws the half copy away and begins again;</li>
 *   <li>after the switch — the new folder is complete and used; the next start finishes removing the old one (a file
 *       changed there since the copy is kept, with a note saying why).</li>
 * </ul>
 * The new folder carries {@value #MARKER} (where it came from, when, and each file's size and hash). A folder that a
 * running desk has open is left for the next start.
 */
public final class FolderMove {

    /** Written into the new folder: where it came from and what was copied. */
    public static final String MARKER = "moved-from.properties";
    /** Left in the old folder when something there could not be removed. */
    public static final String NOTE = "MOVED.txt";
    /** The local request channel's files and locks: they belong to a running process, never copied. */
    static final Set<String> TRANSIENT = Set.of("desk.sock", "desk.token", "desk.lock");

    /** The points a move passes (tests stop it at each, as a crash would). */
    public enum Step { COPIED, VERIFIED, SWITCHED, REMOVED }

    /** Told of every step; throwing stops the move there. */
    @FunctionalInterface
    public interface Watcher {
        void at(Step step, String file) throws IOException;

        Watcher NONE = (step, file) -> { };
    }

    /** What happened. */
    public enum Result { NOTHING_TO_DO, MOVED, FINISHED, IN_USE, FAILED }

    public record Outcome(Result result, String message) {
    }

    private FolderMove() {
    }

    /**
     * Moves {@code from} to {@code to} if it has not been moved yet ({@code to} does not exist) and it is not in use.
     *
     * @param inUse true when a running desk has {@code from} open
     */
    public static Outcome moveOnce(Path from, Path to, Predicate<Path> inUse, Watcher watcher) {
        try {
            if (Files.isDirectory(to)) {
                if (Files.isDirectory(from) && cameFrom(to, from)) {
                    String kept = removeOriginals(from, to, watcher);
                    return new Outcome(Result.FINISHED, "Finished moving " + from + " to " + to + kept);
                }
                return new Outcome(Result.NOTHING_TO_DO, to + " is in use");
            }
            if (!Files.isDirectory(from)) {
                return new Outcome(Result.NOTHING_TO_DO, "nothing at " + from);
            }
            if (inUse.test(from)) {
                return new Outcome(Result.IN_USE, from + " is open in a running Support Desk: it is moved to " + to
                        + " at a start when it is not");
            }
            Path staging = staging(to);
            deleteTree(staging); // a half copy left by a move that was interrupted
            Map<String, String> copied = copy(from, staging, watcher);
            verify(staging, copied);
            watcher.at(Step.VERIFIED, null);
            writeMarker(staging, from, copied);
            Files.move(staging, to, StandardCopyOption.ATOMIC_MOVE);
            watcher.at(Step.SWITCHED, null);
            String kept = removeOriginals(from, to, watcher);
            return new Outcome(Result.MOVED, "Moved " + from + " to " + to + " (" + copied.size() + " files, each"
                    + " verified)" + kept);
        } catch (IOException | RuntimeException e) {
            return new Outcome(Result.FAILED, "Could not move " + from + " to " + to + " (" + e.getMessage()
                    + "); it stays where it is and is tried again at the next start");
        }
    }

    static Path staging(Path to) {
        return to.resolveSibling(to.getFileName() + ".moving");
    }

    /** Copies every file (not the channel's), each made owner-only; returns relative path → "size:sha256". */
    private static Map<String, String> copy(Path from, Path staging, Watcher watcher) throws IOException {
        OwnerOnly.directory(staging);
        Map<String, String> copied = new TreeMap<>();
        List<Path> dirs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(from)) {
                    dirs.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !TRANSIENT.contains(file.getFileName().toString())) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path d : dirs) {
            OwnerOnly.directory(staging.resolve(relative(from, d)));
        }
        for (Path f : files) {
            String rel = relative(from, f);
            Path target = staging.resolve(rel);
            String digest = copyFile(f, target);
            Files.setLastModifiedTime(target, Files.getLastModifiedTime(f));
            copied.put(rel, digest);
            watcher.at(Step.COPIED, rel);
        }
        return copied;
    }

    /** Copies one file owner-only from its first byte, returning "size:sha256" of what was read. */
    private static String copyFile(Path source, Path target) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        OwnerOnly.newFile(target);
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
                size += n;
            }
        }
        return size + ":" + HexFormat.of().formatHex(sha.digest());
    }

    private static void verify(Path staging, Map<String, String> copied) throws IOException {
        for (Map.Entry<String, String> e : copied.entrySet()) {
            String now = digest(staging.resolve(e.getKey()));
            if (!now.equals(e.getValue())) {
                throw new IOException("the copy of " + e.getKey() + " differs from the original");
            }
        }
    }

    private static void writeMarker(Path staging, Path from, Map<String, String> copied) throws IOException {
        Properties p = new Properties();
        p.setProperty("from", from.toAbsolutePath().normalize().toString());
        p.setProperty("at", Instant.now().toString());
        copied.forEach((rel, d) -> p.setProperty("file." + rel, d));
        Path marker = staging.resolve(MARKER);
        try (Writer w = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
            p.store(w, "Support Desk moved this folder here from the one named below (each file verified)");
        }
        OwnerOnly.file(marker);
    }

    private static Properties marker(Path to) throws IOException {
        Properties p = new Properties();
        Path marker = to.resolve(MARKER);
        if (Files.isRegularFile(marker)) {
            try (Reader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    private static boolean cameFrom(Path to, Path from) throws IOException {
        return from.toAbsolutePath().normalize().toString().equals(marker(to).getProperty("from"));
    }

    /**
     * Removes from the old folder each file that is still exactly what was copied, then the channel's leftovers and the
     * empty folders; the folder itself when nothing is left. Returns what was kept, for the message.
     */
    private static String removeOriginals(Path from, Path to, Watcher watcher) throws IOException {
        Properties m = marker(to);
        List<String> kept = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String rel = relative(from, f);
            if (rel.equals(NOTE)) {
                continue;
            }
            String copied = m.getProperty("file." + rel);
            if (TRANSIENT.contains(f.getFileName().toString()) || (copied != null && copied.equals(digest(f)))) {
                Files.delete(f);
                if (copied != null) {
                    watcher.at(Step.REMOVED, rel);
                }
            } else {
                kept.add(rel);
            }
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path d : s.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try (Stream<Path> in = Files.list(d)) {
                    if (in.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        }
        if (kept.isEmpty()) {
            Files.deleteIfExists(from.resolve(NOTE));
            try (Stream<Path> in = Files.exists(from) ? Files.list(from) : Stream.empty()) {
                if (Files.exists(from) && in.findAny().isEmpty()) {
                    Files.delete(from);
                }
            }
            return "";
        }
        Files.writeString(from.resolve(NOTE), "Support Desk moved this folder to " + to + ".\n"
                + "These files changed here after they were copied, so they were kept; the desk no longer uses them:\n"
                + String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
        return "; kept in the old folder because they changed after the copy: " + String.join(", ", kept);
    }

    private static String digest(Path file) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
                size += n;
            }
        }
        return size + ":" + HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * True when an embedded database in {@code dir} is open in some process: its file cannot be locked (the database
     * holds a lock on it while open).
     */
    public static boolean databaseOpen(Path dir) {
        Path file = dir.resolve(DataLocation.DB_NAME + ".mv.db");
        return Files.isRegularFile(file) && held(file);
    }

    /**
     * True when another process (or this one) holds the H2 file lock on {@code file}, or it cannot be told. Never ask
     * it of a file this process has open: closing the probe's channel can drop this process's own locks on the file
     * (the launcher asks before anything opens the database).
     */
    static boolean held(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process has it open
        } catch (IOException e) {
            return true; // cannot tell: better to leave it alone
        }
    }
}
