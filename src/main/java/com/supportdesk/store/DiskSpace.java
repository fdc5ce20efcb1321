package com.supportdesk.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes that fail because the disk is full, said in plain words: which folder, and how much space is left there.
 * Recognises the operating systems' own words for it (Linux and macOS "No space left on device", "Disk quota
 * exceeded"; Windows "There is not enough space on the disk") anywhere in a failure's causes, as H2 wraps them.
 */
@FunctionalInterface
public interface DiskSpace {

    /** The bytes a program may still write in {@code folder}. */
    long usableBytes(Path folder);

    /** The space the file system reports for the folder (or its nearest existing parent). */
    DiskSpace SYSTEM = folder -> {
        Path p = folder.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return -1;
        }
        try {
            FileStore store = Files.getFileStore(p);
            return store.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    };

    /** True when the failure, or any of its causes, is the disk being full. */
    static boolean isOutOfSpace(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (saysOutOfSpace(t.getMessage())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null
                    && saysOutOfSpace(sql.getNextException().getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean saysOutOfSpace(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("no space left on device") || m.contains("not enough space on the disk")
                || m.contains("disk quota exceeded") || m.contains("disk full");
    }

    /** The failure as a {@link StoreException.DiskFull} naming the folder, when it is a full disk. */
    default Optional<StoreException.DiskFull> diskFull(Throwable failure, Path folder) {
        if (failure instanceof StoreException.DiskFull full) {
            return Optional.of(full);
        }
        if (!isOutOfSpace(failure)) {
            return Optional.empty();
        }
        Path where = folder.toAbsolutePath();
        long left = usableBytes(where);
        return Optional.of(new StoreException.DiskFull("The disk is full: could not write to " + where + " ("
                + (left < 0 ? "no space" : size(left)) + " left there). Free some space there, then try again;"
                + " nothing saved before was lost.", where, left, failure));
    }

    /** {@code 0 bytes}, {@code 12 KB}, {@code 3.4 MB}, {@code 1.2 GB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
