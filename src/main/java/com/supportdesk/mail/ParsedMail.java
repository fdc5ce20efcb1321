package com.supportdesk.mail;

import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the intake needs from one inbound message. Produced by {@link MailParser}.
 *
 * @param messageId            normalised {@code <id>}; synthesized from the raw bytes when the message has
 *                             none ({@link #messageIdSynthesized()}), so it is always usable for dedupe
 * @param inReplyTo            first id of In-Reply-To
 * @param references           ids of References, oldest first
 * @param from                 the (first) sender; empty when the From header has no usable address
 * @param subject              decoded subject, {@code (no subject)} when missing or blank
 * @param normalizedSubject    subject without {@code Re:}/{@code AW:}/{@code Fwd:}… prefixes and ticket tags
 * @param dateHeader           the Date header, null when missing or unreadable
 * @param textBody             plain text of the body (HTML-only mail converted with jsoup); may be empty
 * @param ticketRef            {@code SD-1042} from a {@code [SD-1042]} subject tag
 * @param severity             from a clear marking in the subject only; empty means "S3, needs triage"
 * @param officialSensitive    OFFICIAL-SENSITIVE marking in the subject or the first lines of the body: what makes a
 *                             ticket sensitive
 * @param marking              the marking searched for in the whole decoded text (every header, every text part,
 *                             attached messages, text beyond the caps): what the automated-mail log classifies by
 * @param automated            automated-mail verdict; anything but NONE opens no ticket and gets no reply
 * @param bouncedMessageId     for a bounce, the Message-ID of the message that bounced (when it can be found)
 * @param rawSize              size of the raw source in bytes
 * @param notes                plain-language notes about leniency applied (cut text, skipped parts, …)
 */
public record ParsedMail(
        String messageId,
        boolean messageIdSynthesized,
        Optional<String> inReplyTo,
        List<String> references,
        Optional<MailAddress> from,
        List<MailAddress> replyTo,
        List<MailAddress> to,
        List<MailAddress> cc,
        String subject,
        String normalizedSubject,
        Instant dateHeader,
        String textBody,
        List<MailAttachment> attachments,
        Optional<String> ticketRef,
        Optional<Severity> severity,
        boolean officialSensitive,
        TextMarking marking,
        AutomatedKind automated,
        Optional<String> bouncedMessageId,
        long rawSize,
        List<String> notes) {

    public static final String NO_SUBJECT = "(no subject)";
    /** Threading looks at the newest this many ids of In-Reply-To and References. */
    public static final int MAX_THREADING_IDS = 100;

    public ParsedMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(automated, "automated");
        Objects.requireNonNull(marking, "marking");
        references = List.copyOf(references);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
    }

    public boolean isAutomated() {
        return automated.isAutomated();
    }

    public Classification classification() {
        return officialSensitive ? Classification.OFFICIAL_SENSITIVE : Classification.OFFICIAL;
    }

    /**
     * Whether the message is for cleared staff only when it is kept as an entry of the quarantine or the
     * automated-mail log: marked in its subject or first lines, or anywhere in its text, or not all of its text
     * could be read.
     */
    public boolean sensitiveEntry() {
        return officialSensitive || marking.sensitive();
    }

    /**
     * In-Reply-To then References (newest first), without duplicates: the ids to thread on, at most
     * {@value #MAX_THREADING_IDS} (each is looked up in the store).
     */
    public List<String> threadingIds() {
        Set<String> ids = new LinkedHashSet<>();
        inReplyTo.ifPresent(ids::add);
        List<String> newestFirst = new ArrayList<>(references);
        Collections.reverse(newestFirst);
        for (String id : newestFirst) {
            if (ids.size() >= MAX_THREADING_IDS) {
                break;
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /** Where a reply goes: the first Reply-To address, else From. */
    public Optional<MailAddress> replyAddress() {
        return replyTo.isEmpty() ? from : Optional.of(replyTo.get(0));
    }
}
