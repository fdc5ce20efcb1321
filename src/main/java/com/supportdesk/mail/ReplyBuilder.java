package com.supportdesk.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * Builds outbound mail for a ticket: {@code Re: <subject> [SD-n]} (with the OFFICIAL-SENSITIVE marking kept
 * for sensitive tickets), a generated Message-ID to record, In-Reply-To and References for threading, and
 * loop-prevention headers. Text is plain UTF-8.
 */
public final class ReplyBuilder {

    static {
        MailSystemProperties.install();
    }

    static final String SENSITIVE_MARKING = "OFFICIAL-SENSITIVE";
    /** References longer than this keep the first id and the newest ones (RFC 5322 allows trimming). */
    static final int MAX_REFERENCES = 20;

    private final MailAddress from;
    private final SubjectRules subjects;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public ReplyBuilder(MailAddress from) {
        this(from, ParserOptions.defaults().ticketPrefix(), Clock.systemUTC());
    }

    public ReplyBuilder(MailAddress from, String ticketPrefix, Clock clock) {
        this.from = from;
        this.subjects = new SubjectRules(ticketPrefix);
        this.clock = clock;
    }

    /** An agent's reply: customer contact. */
    public OutboundMail reply(ReplyDraft draft) throws MailSendException {
        return build(draft, false);
    }

    /**
     * An automatic acknowledgement of a new ticket: {@code Auto-Submitted: auto-replied} and
     * {@code X-Auto-Response-Suppress: All}, so it is not customer contact and draws no auto-replies.
     * Check {@link AckRateLimiter} before sending one.
     */
    public OutboundMail acknowledgement(ReplyDraft draft) throws MailSendException {
        return build(draft, true);
    }

    /** {@code Re: [OFFICIAL-SENSITIVE: ]<subject without prefixes and tags> [SD-n]}. */
    String subjectFor(ReplyDraft draft) {
        String base = subjects.normalize(draft.ticketSubject());
        if (base.isEmpty()) {
            base = ParsedMail.NO_SUBJECT;
        }
        if (draft.sensitive() && !SubjectRules.hasSensitiveMarking(base)) {
            base = SENSITIVE_MARKING + ": " + base;
        }
        return "Re: " + base + " " + subjects.tagFor(draft.ticketRef());
    }

    private OutboundMail build(ReplyDraft draft, boolean acknowledgement) throws MailSendException {
        String messageId = "<" + UUID.randomUUID() + "@" + domainOf(from) + ">";
        String subject = subjectFor(draft);
        String ticketRef = draft.ticketRef().toUpperCase(Locale.ROOT);
        try {
            MimeMessage message = new FixedIdMessage(session, messageId);
            message.setFrom(internet(from));
            message.setRecipients(Message.RecipientType.TO, internet(draft.to()));
            if (!draft.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, internet(draft.cc()));
            }
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            if (draft.inReplyTo().isPresent()) {
                message.setHeader("In-Reply-To", draft.inReplyTo().get());
            }
            List<String> references = references(draft);
            if (!references.isEmpty()) {
                message.setHeader("References", String.join(" ", references));
            }
            message.setHeader(AutomationRules.TICKET_HEADER, ticketRef);
            message.setHeader("X-Loop", from.address());
            if (acknowledgement) {
                message.setHeader("Auto-Submitted", "auto-replied");
                message.setHeader("X-Auto-Response-Suppress", "All");
            }
            message.setText(draft.body(), StandardCharsets.UTF_8.name());
            message.saveChanges();
            return new OutboundMail(message, messageId, subject);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailSendException(MailProblem.RECIPIENT_REJECTED,
                    "The message could not be made: " + e.getMessage() + ".", e);
        }
    }

    static List<String> references(ReplyDraft draft) {
        Set<String> ids = new LinkedHashSet<>(draft.references());
        draft.inReplyTo().ifPresent(id -> {
            ids.remove(id);
            ids.add(id);
        });
        List<String> all = new ArrayList<>(ids);
        if (all.size() <= MAX_REFERENCES) {
            return all;
        }
        List<String> trimmed = new ArrayList<>(List.of(all.get(0)));
        trimmed.addAll(all.subList(all.size() - (MAX_REFERENCES - 1), all.size()));
        return trimmed;
    }

    private static String domainOf(MailAddress address) {
        String domain = address.domain();
        return domain.isEmpty() ? MessageIds.SYNTHETIC_DOMAIN : domain;
    }

    private static InternetAddress internet(MailAddress address) throws UnsupportedEncodingException {
        return new InternetAddress(address.address(), address.displayName().isEmpty() ? null : address.displayName(),
                StandardCharsets.UTF_8.name());
    }

    private static InternetAddress[] internet(List<MailAddress> addresses) throws UnsupportedEncodingException {
        InternetAddress[] result = new InternetAddress[addresses.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = internet(addresses.get(i));
        }
        return result;
    }

    /** Keeps the generated Message-ID through {@code saveChanges()}. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
