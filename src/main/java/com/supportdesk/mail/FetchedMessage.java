package com.supportdesk.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One message fetched from IMAP: its raw source is in memory ({@link #bytes()}, a message under
 * {@link MailIntake#MARK_FROM_BYTES}) or was streamed to {@link #rawFile()}, a temporary file the caller owns.
 * {@link #close()} deletes the file (after the raw source is stored).
 *
 * @param uid          the message's UID in the folder (valid with the folder's UIDVALIDITY)
 * @param internalDate the server's INTERNALDATE (when it received the message); null if the server gave none
 * @param rawFile      the raw source on disk, or null when it is in {@code bytes}
 * @param size         bytes of the raw source
 * @param sha256       the SHA-256 of the raw source in hex, computed as it arrived; null if not known
 * @param bytes        the raw source in memory (not copied: never changed), or null when it is in {@code rawFile}
 */
public record FetchedMessage(long uid, Instant internalDate, Path rawFile, long size, String sha256, byte[] bytes)
        implements AutoCloseable {

    public FetchedMessage(long uid, Instant internalDate, Path rawFile, long size) {
        this(uid, internalDate, rawFile, size, null, null);
    }

    public FetchedMessage(long uid, Instant internalDate, Path rawFile, long size, String sha256) {
        this(uid, internalDate, rawFile, size, sha256, null);
    }

    @Override
    public void close() {
        if (rawFile == null) {
            return;
        }
        try {
            Files.deleteIfExists(rawFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + rawFile, e);
        }
    }
}
