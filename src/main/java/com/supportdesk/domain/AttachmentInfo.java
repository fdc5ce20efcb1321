package com.supportdesk.domain;

import java.util.Locale;

/** Attachment metadata; the content is fetched separately and only on request. */
public record AttachmentInfo(long id, long messageId, String filename, String contentType, long sizeBytes,
                             boolean tooLarge) {

    public String sizeText() {
        if (sizeBytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
        }
        if (sizeBytes >= 1024) {
            return (sizeBytes / 1024) + " KB";
        }
        return sizeBytes + " B";
    }
}
