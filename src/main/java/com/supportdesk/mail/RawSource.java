package com.supportdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The raw bytes of a message, in a file or an array, opened as a Jakarta Mail {@code SharedInputStream}
 * so that parts are read from the source on demand instead of being copied into the heap.
 */
sealed interface RawSource {

    /**
     * Buffer of a file stream. Every part Jakarta Mail reads from a file gets a stream with a buffer of this size,
     * so it is small: with 64 KB, a message of 1,000 tiny parts took 64 MB.
     */
    int FILE_BUFFER = 8 * 1024;

    long size() throws IOException;

    /** A stream over the whole raw source. */
    InputStream openRaw() throws IOException;

    /** Up to {@code n} bytes from the start. */
    default byte[] head(int n) throws IOException {
        try (InputStream in = openRaw()) {
            return in.readNBytes(n);
        }
    }

    /** Opens the message that starts at {@code offset}; close the result to release the source. */
    Opened openMessage(Session session, long offset) throws IOException, MessagingException;

    private static Opened open(Session session, InputStream root, InputStream start)
            throws IOException, MessagingException {
        try {
            return new Opened(new LenientMimeMessage(session, start), root);
        } catch (MessagingException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** An open message and the stream it reads from. */
    record Opened(MimeMessage message, InputStream stream) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    record FileSource(Path path) implements RawSource {
        @Override
        public long size() throws IOException {
            return Files.size(path);
        }

        @Override
        public InputStream openRaw() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public Opened openMessage(Session session, long offset) throws IOException, MessagingException {
            SharedFileInputStream root = new SharedFileInputStream(path.toFile(), FILE_BUFFER);
            return RawSource.open(session, root, offset == 0 ? root : root.newStream(offset, -1));
        }
    }

    /** The array is used as it is, not copied: the caller must not change it afterwards. */
    record BytesSource(byte[] bytes) implements RawSource {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream openRaw() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Opened openMessage(Session session, long offset) throws IOException, MessagingException {
            InputStream in = new SharedByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
            return RawSource.open(session, in, in);
        }
    }
}
