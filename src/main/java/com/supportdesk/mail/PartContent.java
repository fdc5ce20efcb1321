package com.supportdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

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

    /**
     * Opens the parts of one message one after the other from a single reading of its raw source: each multipart on
     * the way is read once and kept, so the n attachments of a message cost one pass, not n (opening each on its own
     * reads the whole multipart again: 400 attachments of 20 KB took three minutes to store). Not thread-safe; close
     * it to release the source.
     */
    static final class Reader implements AutoCloseable {
        private RawSource source;
        private long offset;
        private RawSource.Opened opened;
        private final Map<String, Multipart> multiparts = new HashMap<>();

        /** The content of {@code attachment}; read through this reader when it comes from the same source. */
        InputStream open(MailAttachment attachment) throws IOException {
            if (!(attachment.content() instanceof PartContent part)) {
                return attachment.open();
            }
            if (opened == null) {
                try {
                    opened = part.source.openMessage(part.session, part.offset);
                } catch (MessagingException e) {
                    throw new IOException("The raw message could not be opened again: " + e.getMessage(), e);
                }
                source = part.source;
                offset = part.offset;
            } else if (part.source != source || part.offset != offset) {
                return part.open();
            }
            try {
                Part at = opened.message();
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < part.path.length; i++) {
                    Part parent = at;
                    int limit = part.limits[i];
                    Multipart multipart = multiparts.get(key + "/" + limit);
                    if (multipart == null) {
                        multipart = Parts.multipart(parent, limit);
                        multiparts.put(key + "/" + limit, multipart);
                    }
                    at = multipart.getBodyPart(part.path[i]);
                    key.append('.').append(part.path[i]);
                }
                return at.getInputStream();
            } catch (MessagingException | RuntimeException e) {
                throw new IOException("The attachment could not be read from the raw message: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            multiparts.clear();
            if (opened != null) {
                opened.close();
                opened = null;
            }
        }
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
