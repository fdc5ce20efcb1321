package com.supportdesk.mail;

import java.time.Duration;

/**
 * Limits and settings for {@link MailParser}.
 *
 * @param ticketPrefix         prefix of subject tags, {@code SD} for {@code [SD-1042]}
 * @param attachmentCapBytes   attachments of one message are kept, in order, while their total stays within
 *                             this cap; a part that would go over it is marked {@link MailAttachment#tooLarge()}
 * @param maxTextChars         body text kept per message, in all its parts: longer text is cut (with a note); the
 *                             rest stays in the raw source
 * @param maxHtmlChars         at most this much HTML is converted to text per message, in all its parts
 * @param maxParts             MIME parts beyond this number are ignored (with a note)
 * @param maxDepth             multipart nesting beyond this depth is ignored (with a note)
 * @param timeBudget           a message that takes longer than this to read is not read further
 *                             ({@link MailParseException}, so the intake keeps it in the quarantine)
 */
public record ParserOptions(String ticketPrefix, long attachmentCapBytes, int maxTextChars, int maxHtmlChars,
                            int maxParts, int maxDepth, Duration timeBudget) {

    public static final long DEFAULT_ATTACHMENT_CAP = 25L * 1024 * 1024;
    /** Far more than any message needs: a 25 MB message of any content is read in a few seconds. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(30);

    /** The limits with the default time budget. */
    public ParserOptions(String ticketPrefix, long attachmentCapBytes, int maxTextChars, int maxHtmlChars, int maxParts,
                         int maxDepth) {
        this(ticketPrefix, attachmentCapBytes, maxTextChars, maxHtmlChars, maxParts, maxDepth, DEFAULT_TIME_BUDGET);
    }

    public ParserOptions {
        if (ticketPrefix == null || !ticketPrefix.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("ticket prefix must be letters and digits, e.g. SD");
        }
        if (attachmentCapBytes < 0 || maxTextChars < 1 || maxHtmlChars < 1 || maxParts < 1 || maxDepth < 1
                || timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
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
        return new ParserOptions(ticketPrefix, bytes, maxTextChars, maxHtmlChars, maxParts, maxDepth, timeBudget);
    }

    public ParserOptions withTicketPrefix(String prefix) {
        return new ParserOptions(prefix, attachmentCapBytes, maxTextChars, maxHtmlChars, maxParts, maxDepth, timeBudget);
    }

    public ParserOptions withTimeBudget(Duration budget) {
        return new ParserOptions(ticketPrefix, attachmentCapBytes, maxTextChars, maxHtmlChars, maxParts, maxDepth, budget);
    }
}
