package com.supportdesk.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Metadata of one attachment (or inline image) and a handle to stream its decoded content.
 *
 * <p>The content of a large attachment is not held in memory: {@link #open()} re-reads it from the raw source the
 * message was parsed from, so that source (file or byte array) must stay unchanged while the handle is used. The
 * small attachments of a message (up to {@code BodyWalker.KEEP_DECODED} in all) keep the bytes decoded when the
 * message was read, so storing them does not read the message again.
 *
 * @param fileName    decoded, path-free file name; generated ({@code attachment-2.pdf}) when the part has none
 * @param contentType lower-case MIME type without parameters, e.g. {@code application/pdf}
 * @param size        decoded size in bytes
 * @param tooLarge    over the per-message attachment cap: record it as {@link #tooLargeNote()}, do not store it
 * @param inline      shown inside the message (Content-Disposition inline or a Content-ID) rather than attached
 * @param contentId   the Content-ID as {@code <id>}, or empty
 */
public record MailAttachment(String fileName, String contentType, long size, boolean tooLarge, boolean inline,
                             String contentId, MailContent content) {

    private static final double MB = 1024.0 * 1024.0;

    public InputStream open() throws IOException {
        return content.open();
    }

    /** {@code too large: 50.0 MB, kept on server}. */
    public String tooLargeNote() {
        return String.format(Locale.ROOT, "too large: %.1f MB, kept on server", size / MB);
    }
}
