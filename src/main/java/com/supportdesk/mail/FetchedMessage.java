package com.supportdesk.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One message fetched from IMAP: its raw source was streamed to {@link #rawFile()}, a temporary file the
 * caller owns. {@link #close()} deletes it (after the raw source is stored).
 *
 * @param uid          the message's UID in the folder (valid with the folder's UIDVALIDITY)
 * @param internalDate the server's INTERNALDATE (when it received the message); null if the server gave none
 * @param size         bytes in {@link #rawFile()}
 * @param sha256       the SHA-256 of the raw source in hex, computed while it was written; null if not known
 */
public record FetchedMessage(long uid, Instant internalDate, Path rawFile, long size, String sha256)
        implements AutoCloseable {

    public FetchedMessage(long uid, Instant internalDate, Path rawFile, long size) {
        this(uid, internalDate, rawFile, size, null);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(rawFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + rawFile, e);
        }
    }
}
