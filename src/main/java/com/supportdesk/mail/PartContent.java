package com.supportdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Streams one part's decoded content by re-opening the raw source and walking to the part. */
final class PartContent implements MailContent {

    private final RawSource source;
    private final long offset;
    private final Session session;
    private final int[] path;
    private final int[] limits;

    /** @param limits the part limit each multipart on the path was read with (so it is cut the same way again) */
    PartContent(RawSource source, long offset, Session session, int[] path, int[] limits) {
        this.source = source;
        this.offset = offset;
        this.session = session;
        this.path = path.clone();
        this.limits = limits.clone();
    }

    @Override
    public InputStream open() throws IOException {
        RawSource.Opened opened;
        try {
            opened = source.openMessage(session, offset);
        } catch (MessagingException e) {
            throw new IOException("The raw message could not be opened again: " + e.getMessage(), e);
        }
        try {
            InputStream content = Parts.navigate(opened.message(), path, limits).getInputStream();
            return new FilterInputStream(content) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        opened.close();
                    }
                }
            };
        } catch (MessagingException | IOException | RuntimeException e) {
            opened.close();
            throw e instanceof IOException io ? io
                    : new IOException("The attachment could not be read from the raw message: " + e.getMessage(), e);
        }
    }
}
