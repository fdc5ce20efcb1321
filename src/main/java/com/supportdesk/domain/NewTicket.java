package com.supportdesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What is needed to open a ticket. {@code received} is when the customer asked (docs/response-clock.md):
 * INTERNALDATE for e-mail, the console's open instant for a call, the first line of a chat transcript.
 */
public record NewTicket(String subject, Severity severity, SupportLevel level, Channel channel, Long customerId,
                        Long contactId, Instant received, String body, Classification classification,
                        boolean needsTriage, Long assigneeId) {

    public NewTicket {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(received, "received");
        level = level == null ? SupportLevel.L1 : level;
        classification = classification == null ? Classification.OFFICIAL : classification;
        subject = subject == null || subject.isBlank() ? "(no subject)" : subject.strip();
    }

    public static NewTicket of(String subject, Severity severity, Channel channel, Instant received) {
        return new NewTicket(subject, severity, SupportLevel.L1, channel, null, null, received, null,
                Classification.OFFICIAL, false, null);
    }

    public NewTicket withCustomer(Long customerId, Long contactId) {
        return new NewTicket(subject, severity, level, channel, customerId, contactId, received, body,
                classification, needsTriage, assigneeId);
    }

    public NewTicket withBody(String text) {
        return new NewTicket(subject, severity, level, channel, customerId, contactId, received, text,
                classification, needsTriage, assigneeId);
    }

    public NewTicket withClassification(Classification c) {
        return new NewTicket(subject, severity, level, channel, customerId, contactId, received, body, c,
                needsTriage, assigneeId);
    }

    public NewTicket withLevel(SupportLevel l) {
        return new NewTicket(subject, severity, l, channel, customerId, contactId, received, body,
                classification, needsTriage, assigneeId);
    }

    public NewTicket withAssignee(Long agentId) {
        return new NewTicket(subject, severity, level, channel, customerId, contactId, received, body,
                classification, needsTriage, agentId);
    }

    public NewTicket withNeedsTriage(boolean flag) {
        return new NewTicket(subject, severity, level, channel, customerId, contactId, received, body,
                classification, flag, assigneeId);
    }
}
