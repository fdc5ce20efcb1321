package com.supportdesk.mail;

/**
 * Limits and settings for {@link MailParser}.
 *
 * @param ticketPrefix         prefix of subject tags, {@code SD} for {@code [SD-1042]}
 * @param attachmentCapBytes   attachments of one message are kept, in order, while their total stays within
 *                             this cap; a part that would go over it is marked {@link MailAttachment#tooLarge()}
 * @param maxTextChars         body text longer than this is cut (with a note)
 * @param maxHtmlChars         at most this much of an HTML part is converted to text
 * @param maxParts             MIME parts beyond this number are ignored (with a note)
 * @param maxDepth             multipart nesting beyond this depth is ignored (with a note)
 */
public record ParserOptions(String ticketPrefix, long attachmentCapBytes, int maxTextChars, int maxHtmlChars,
                            int maxParts, int maxDepth) {

    public static final long DEFAULT_ATTACHMENT_CAP = 25L * 1024 * 1024;

    public ParserOptions {
        if (ticketPrefix == null || !ticketPrefix.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("ticket prefix must be letters and digits, e.g. SD");
        }
        if (attachmentCapBytes < 0 || maxTextChars < 1 || maxHtmlChars < 1 || maxParts < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("parser limits must be positive");
        }
    }

    public static ParserOptions defaults() {
        return new ParserOptions("SD", DEFAULT_ATTACHMENT_CAP, 1_000_000, 2_000_000, 1_000, 24);
    }

    /** Bytes read for at most {@link #maxTextChars()} characters (up to four bytes each). */
    int maxTextBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 16L, maxTextChars * 4L);
    }

    public ParserOptions withAttachmentCap(long bytes) {
        return new ParserOptions(ticketPrefix, bytes, maxTextChars, maxHtmlChars, maxParts, maxDepth);
    }

    public ParserOptions withTicketPrefix(String prefix) {
        return new ParserOptions(prefix, attachmentCapBytes, maxTextChars, maxHtmlChars, maxParts, maxDepth);
    }
}
