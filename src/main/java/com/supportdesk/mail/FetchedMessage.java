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
 */
public record FetchedMessage(long uid, Instant internalDate, Path rawFile, long size) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(rawFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + rawFile, e);
        }
    }
}
